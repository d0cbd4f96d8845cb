using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OtpNet;
using ProposalPlatform.IntegrationTests.Platform;

namespace ProposalPlatform.IntegrationTests.Portal;

/// <summary>The portal in a browser, through the gateway, as the people of the office use it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class Using_the_portal(PlatformFixture platform)
{
    [Fact]
    public async Task The_office_signs_in_with_its_second_factor_finds_an_item_in_the_register_and_reads_its_story()
    {
        // Arrange: an item the office registered, assigned by the time the page is opened
        var number = Items.NextNumber();
        var marker = $"门户{number}";
        var item = Items.Suggestion(number);
        item["title"] = $"关于{marker}综合保税区建设的建议";
        var id = (await platform.Gateway.RegisterAsync(item))["id"]!.GetValue<Guid>();
        await platform.Gateway.GetWhenPresentAsync($"/api/reporting/items/{id}/story", s => s["status"]!.GetValue<string>() == "Assigned");
        var admin = platform.OfficeAdmin;
        await using var browser = await Browser.OpenAsync("office");
        var page = browser.Page;
        try
        {
            await WalkAsync(browser, page, id, marker, item, admin);
        }
        catch
        {
            // what the page showed when the walk stopped
            await browser.ShotAsync("failed");
            throw;
        }
    }

    private async Task WalkAsync(Browser browser, IPage page, Guid id, string marker, JsonObject item, JsonObject admin)
    {
        // Act: the portal sends the person to the identity service's sign-in, and back
        await page.GotoAsync(platform.GatewayAddress.ToString());
        await page.WaitForURLAsync("**/account/login**");
        await browser.ShotAsync("sign-in");
        await page.FillAsync("#userName", admin["userName"]!.GetValue<string>());
        await page.FillAsync("#password", admin["password"]!.GetValue<string>());
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/account/login-2fa**");
        await page.FillAsync("#code", new Totp(Base32Encoding.ToBytes(admin["authenticatorKey"]!.GetValue<string>())).ComputeTotp());
        await browser.ShotAsync("second-factor");
        await page.ClickAsync("button[type=submit]");

        // Assert: the portal greets the administrator in Chinese
        var welcome = page.Locator("#welcome");
        await Assertions.Expect(welcome).ToContainTextAsync("您好");
        await Assertions.Expect(welcome).ToContainTextAsync("建议提案办理处管理员");
        await Assertions.Expect(page.GetByText("角色：建议提案办理处")).ToBeVisibleAsync();
        await browser.ShotAsync("home");

        // the register finds the item by a word of its title
        await page.GetByRole(AriaRole.Link, new() { Name = "交办件登记簿" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "交办件登记簿" })).ToBeVisibleAsync();
        await page.GetByLabel("检索").FillAsync(marker);
        await page.ClickAsync("#search");
        var row = page.GetByRole(AriaRole.Link, new() { Name = item["title"]!.GetValue<string>() });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("办理中").First).ToBeVisibleAsync();
        await browser.ShotAsync("register");

        // the item's page: its facts, the submitter's phone for the office, and its story in Chinese
        await row.ClickAsync();
        await page.WaitForURLAsync($"**/items/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = item["title"]!.GetValue<string>() })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("办理过程")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".story").GetByText("交办", new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("HQ-FTZ").First).ToBeVisibleAsync();
        await browser.ShotAsync("item");

        // signing out ends the session: the portal asks for a sign-in again
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.GotoAsync(new Uri(platform.GatewayAddress, "items").ToString());
        await page.WaitForURLAsync("**/account/login**");
        await browser.ShotAsync("signed-out");
    }
}
