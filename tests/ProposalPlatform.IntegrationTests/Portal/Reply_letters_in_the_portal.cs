using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Playwright;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.IntegrationTests.Platform;

namespace ProposalPlatform.IntegrationTests.Portal;

/// <summary>
/// The lead unit's handler finds the letter an item's reply was issued as on the item's page: its
/// number and SHA-256, and the letter and its public version downloaded through the portal with the
/// person's own token, byte for byte what the SHA-256 says.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Reply_letters_in_the_portal(PlatformFixture platform)
{
    [Fact]
    public async Task A_handler_sees_the_letters_number_and_downloads_both_versions()
    {
        // Arrange: a reply issued by the lead unit
        var id = await platform.IssuableAsync(Items.Suggestion(Items.NextNumber()), "关于您提出的建议，答复如下：已列入计划。");
        using (var issued = await platform.Handler.PostAsJsonAsync($"/api/replies/{id}/issue", Items.Issue("B")))
        {
            Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        }

        var handler = await platform.CreatePersonAsync(PlatformFixture.LeadUnit, PlatformRoles.UnitHandler);
        await using var browser = await Browser.OpenAsync("reply-letters");
        var page = browser.Page;
        try
        {
            await browser.SignInAsync(platform.GatewayAddress, handler["userName"]!.GetValue<string>(), handler["initialPassword"]!.GetValue<string>());

            // Act
            await page.GotoAsync(new Uri(platform.GatewayAddress, $"/items/{id}").ToString());
            await Assertions.Expect(page.Locator("#letter-number-1")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^署办函〔\d{4}〕\d+号$"));
            await page.Locator("#reply-letters").ScrollIntoViewIfNeededAsync();
            await browser.ShotAsync("letter-shown");
            await browser.CheckAccessibilityAsync("reply-letters");
            var letter = await DownloadAsync(page, "#download-letter-1");
            var published = await DownloadAsync(page, "#download-public-letter-1");

            // Assert: the letter is what the page's SHA-256 names, the public version another file
            Assert.Equal(await page.Locator("#letter-sha256-1").InnerTextAsync(), Convert.ToHexStringLower(SHA256.HashData(letter)));
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(published, 0, 5), StringComparison.Ordinal);
            Assert.NotEqual(letter, published);
        }
        catch
        {
            await browser.ShotAsync("failed");
            throw;
        }
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(button));
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        await using var file = await download.CreateReadStreamAsync();
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        return bytes.ToArray();
    }
}
