using Microsoft.Playwright;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.IntegrationTests.Platform;

namespace ProposalPlatform.IntegrationTests.Portal;

/// <summary>A unit's handler reads the unit's reminders in the portal and goes from one to its item.</summary>
[Collection(PlatformCollection.Name)]
public sealed class Reminders_in_the_portal(PlatformFixture platform)
{
    [Fact]
    public async Task A_handler_sees_the_units_overdue_item_among_its_reminders_and_opens_it()
    {
        // Arrange: a unit of its own with an item a month overdue, and a handler of the unit (no e-mail address: nothing is mailed)
        var (unit, topic) = await AssignmentOffice.UnitOfItsOwnAsync(platform, "提醒页面测试司");
        var number = Items.NextNumber();
        var item = Items.Suggestion(number, topic);
        item["assignedByOfficeAt"] = DateTimeOffset.UtcNow.AddMonths(-4).ToString("O");
        var id = (await platform.Gateway.RegisterAsync(item))["id"]!.GetValue<Guid>();
        await platform.Gateway.GetWhenPresentAsync($"/api/notifications?unit={unit}", list => list["items"]!.AsArray().Any(n => n!["item"] is not null));
        var handler = await platform.CreatePersonAsync(unit, PlatformRoles.UnitHandler);

        await using var browser = await Browser.OpenAsync("reminders");
        var page = browser.Page;
        try
        {
            await browser.SignInAsync(platform.GatewayAddress, handler["userName"]!.GetValue<string>(), handler["initialPassword"]!.GetValue<string>());

            // Act: the menu's reminders
            await page.GetByRole(AriaRole.Link, new() { Name = "办理提醒" }).ClickAsync();

            // Assert: the overdue reply, in Chinese, not yet mailed; its text leads to the item
            var row = page.Locator("#notices tr").Filter(new() { HasText = $"第{number}号" });
            await Assertions.Expect(row).ToContainTextAsync("答复已超期");
            await Assertions.Expect(row).ToContainTextAsync("至今尚未答复，已超期");
            await Assertions.Expect(row).ToContainTextAsync("待发送");
            await browser.ShotAsync("reminders");
            await browser.CheckAccessibilityAsync("reminders");

            await row.Locator("a.notice-text").ClickAsync();
            await page.WaitForURLAsync($"**/items/{id}");
            // the item's page: its title as the heading
            await Assertions.Expect(page.Locator("h4").Filter(new() { HasText = "关于加快综合保税区建设的建议" })).ToBeVisibleAsync();
            await browser.ShotAsync("item");
        }
        catch
        {
            await browser.ShotAsync("failed");
            throw;
        }
    }
}
