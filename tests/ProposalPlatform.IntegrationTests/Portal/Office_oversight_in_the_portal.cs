using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ProposalPlatform.IntegrationTests.Platform;

namespace ProposalPlatform.IntegrationTests.Portal;

/// <summary>The proposal office watching and administering the platform in a browser: deadlines, the audit trail, people and rules.</summary>
[Collection(PlatformCollection.Name)]
public sealed class Office_oversight_in_the_portal(PlatformFixture platform)
{
    [Fact]
    public async Task The_office_sees_an_overdue_item_creates_a_handler_sees_where_an_item_would_go_dry_runs_a_rule_and_finds_its_own_write_in_the_audit_trail()
    {
        // Arrange: an item the assigning office handed over four months ago, so its three-month reply deadline has passed
        var number = Items.NextNumber();
        var marker = $"督办{number}";
        var item = Items.Suggestion(number, topic: $"综合保税区{marker}");
        item["title"] = $"关于{marker}综合保税区政策的建议";
        item["assignedByOfficeAt"] = DateTimeOffset.UtcNow.AddMonths(-4).ToString("O");
        var title = item["title"]!.GetValue<string>();
        var id = (await platform.Gateway.RegisterAsync(item))["id"]!.GetValue<Guid>();
        await platform.Gateway.GetWhenPresentAsync($"/api/assignment/assignments/{id}");
        var handlerName = $"王五{number}";
        var handlerUserName = $"wangwu{number}";

        await using var browser = await Browser.OpenAsync("office-oversight");
        var page = browser.Page;
        try
        {
            var admin = platform.OfficeAdmin;
            await browser.SignInAsync(platform.GatewayAddress, admin["userName"]!.GetValue<string>(), admin["password"]!.GetValue<string>(), admin["authenticatorKey"]!.GetValue<string>());

            // Act and assert: the deadline board lists the item as overdue, in red, with the days it is over
            await page.GetByRole(AriaRole.Link, new() { Name = "期限看板" }).First.ClickAsync();
            await page.Locator("#filter").FillAsync(marker);
            var overdue = page.Locator("#overdue-table").GetByRole(AriaRole.Row).Filter(new() { HasText = title });
            await Assertions.Expect(overdue).ToHaveCountAsync(1);
            await Assertions.Expect(overdue).ToContainTextAsync("自贸区和特殊区域发展司（HQ-FTZ）");
            await Assertions.Expect(overdue).ToContainTextAsync("逾期");
            await Assertions.Expect(overdue.Locator(".mud-chip-color-error")).ToBeVisibleAsync();
            await browser.ShotAsync("deadlines-overdue");
            await browser.CheckAccessibilityAsync("deadlines-overdue");

            // the people tab: a handler of the lead unit, whose initial password is shown once
            await page.GetByRole(AriaRole.Link, new() { Name = "系统管理" }).First.ClickAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "人员" }).ClickAsync();
            await page.Locator("#person-user-name").FillAsync(handlerUserName);
            await page.Locator("#person-display-name").FillAsync(handlerName);
            await page.Locator("#person-unit").FillAsync("HQ-FTZ");
            await page.Locator(".mud-popover-open").GetByText("自贸区和特殊区域发展司（HQ-FTZ）").ClickAsync();
            await page.Locator("#person-role").ClickAsync();
            await page.Locator(".mud-popover-open").GetByText("承办人员", new() { Exact = true }).ClickAsync();
            await browser.ShotAsync("person-form");
            await browser.CheckAccessibilityAsync("person-form");
            await page.Locator("#person-create").ClickAsync();
            var secrets = page.Locator("#secrets");
            await Assertions.Expect(secrets).ToContainTextAsync("初始密码");
            await Assertions.Expect(secrets).ToContainTextAsync(handlerUserName);
            Assert.False(string.IsNullOrWhiteSpace(await secrets.Locator("tr").Filter(new() { HasText = "初始密码" }).Locator("code").InnerTextAsync()));
            await browser.ShotAsync("person-created");
            await page.Locator("#secrets-noted").ClickAsync();
            await Assertions.Expect(secrets).ToHaveCountAsync(0);
            // found among every person by the list's search (the list is paged)
            await page.Locator("#people-search").FillAsync(handlerName);
            await Assertions.Expect(page.Locator("#people").GetByRole(AriaRole.Row).Filter(new() { HasText = handlerName })).ToContainTextAsync("承办人员");

            // the rules tab: where an item like this one goes under the rules in force; then a rule sending the marker to the ports department, dry-run: the item would move there, nothing is saved
            await page.GetByRole(AriaRole.Tab, new() { Name = "分办规则" }).ClickAsync();
            await page.Locator("#route-topic").FillAsync($"综合保税区{marker}");
            await page.Locator("#route-show").ClickAsync();
            await Assertions.Expect(page.Locator("#route-result")).ToContainTextAsync("将分办至 自贸区和特殊区域发展司（HQ-FTZ）（匹配关键词“综合保税区”）");
            await page.Locator("#rule-keyword").FillAsync(marker);
            await page.Locator("#rule-unit").ClickAsync();
            await page.Locator(".mud-popover-open").GetByText("口岸监管司（HQ-PORTS）").ClickAsync();
            await page.Locator("#rule-priority").FillAsync("0");
            await page.Locator("#rule-priority").PressAsync("Tab");
            await Assertions.Expect(page.Locator("#rule-priority")).ToHaveValueAsync("0");
            await page.Locator("#rule-dry-run").ClickAsync();
            var move = page.Locator("#dry-run").GetByRole(AriaRole.Row).Filter(new() { HasText = title });
            await Assertions.Expect(move).ToContainTextAsync("HQ-FTZ");
            await Assertions.Expect(move).ToContainTextAsync("HQ-PORTS");
            await Assertions.Expect(page.Locator("#dry-run")).ToContainTextAsync("其中 1 件将改变去向");
            await browser.ShotAsync("rule-dry-run");
            await browser.CheckAccessibilityAsync("rule-dry-run");
            await Assertions.Expect(page.Locator("#rules").GetByText(marker)).ToHaveCountAsync(0);

            // the audit trail: the chain holds, and the office's own creation of the handler is there (the trail is written asynchronously)
            await page.GetByRole(AriaRole.Link, new() { Name = "审计日志" }).First.ClickAsync();
            await Assertions.Expect(page.Locator("#chain")).ToContainTextAsync("审计链完整");
            await page.Locator("#operation").FillAsync("CreatePerson");
            var record = page.Locator("#records").GetByRole(AriaRole.Row).Filter(new() { HasText = handlerUserName });
            await Eventually.Until(async () =>
            {
                await page.Locator("#search").ClickAsync();
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                return await record.CountAsync();
            }, count => count == 1, "the office's creation of the handler in the audit trail");
            await Assertions.Expect(record).ToContainTextAsync("建议提案办理处管理员");
            await Assertions.Expect(record).ToContainTextAsync("已执行");
            await browser.ShotAsync("audit");
            await browser.CheckAccessibilityAsync("audit");
        }
        catch
        {
            await browser.ShotAsync("failed");
            throw;
        }

        // the person the page created is the identity service's, of the unit and role chosen
        var people = await platform.Gateway.GetWhenPresentAsync("/api/identity/people");
        var created = people.AsArray().Single(p => p!["userName"]!.GetValue<string>() == handlerUserName)!;
        Assert.Equal("HQ-FTZ", created["unitCode"]!.GetValue<string>());
        Assert.Equal(["UnitHandler"], created["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }
}
