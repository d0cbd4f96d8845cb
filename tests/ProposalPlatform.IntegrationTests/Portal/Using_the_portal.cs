using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
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
        // and found by a word of it: intake indexes its texts in the background
        await platform.Gateway.GetWhenPresentAsync($"/api/intake/proposals?q={Uri.EscapeDataString(marker)}", p => p["total"]!.GetValue<long>() > 0);
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
        // Act: the portal sends the person to the identity service's sign-in and its second factor, and back
        await browser.SignInAsync(platform.GatewayAddress, admin["userName"]!.GetValue<string>(), admin["password"]!.GetValue<string>(),
            admin["authenticatorKey"]!.GetValue<string>());

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
        await browser.CheckAccessibilityAsync("register");
        var register = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-register"));
        Assert.EndsWith(".xlsx", register.SuggestedFilename, StringComparison.Ordinal);

        // the search saved as a view, and found again after the page is opened afresh
        await page.FillAsync("#view-name", marker);
        await page.ClickAsync("#save-view");
        await Assertions.Expect(page.Locator("#views")).ToHaveValueAsync(marker);
        await page.GotoAsync(new Uri(platform.GatewayAddress, "items").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "交办件登记簿" })).ToBeVisibleAsync();
        await page.Locator("#views").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(marker).ClickAsync();
        await Assertions.Expect(page.GetByLabel("检索")).ToHaveValueAsync(marker);
        await Assertions.Expect(row).ToBeVisibleAsync();
        await browser.ShotAsync("saved-view");

        // the item's page: its facts, the submitter's phone for the office, and its story in Chinese
        await row.ClickAsync();
        await page.WaitForURLAsync($"**/items/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = item["title"]!.GetValue<string>() })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("办理过程")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".story").GetByText("交办", new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("HQ-FTZ").First).ToBeVisibleAsync();
        // the reply's deadline three months out, in green
        await Assertions.Expect(page.Locator("#due")).ToContainTextAsync("还有");
        await browser.ShotAsync("item");

        // the office extends the deadline once the unit has explained the progress to the submitter (which the form shows):
        // refused without its fields, then to five months after today
        await platform.Handler.ExplainProgressAsync(id);
        await page.ClickAsync("#action-extend");
        await Assertions.Expect(page.Locator("#action-explanation")).ToContainTextAsync("已于");
        await page.ClickAsync("#action-submit");
        await Assertions.Expect(page.Locator("#action-problem")).ToBeVisibleAsync();
        var extended = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMonths(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.FillAsync("#action-due", extended);
        await page.Locator("#action-due").PressAsync("Tab");
        await page.FillAsync("#action-reason", "需协调多部门，已向代表说明进展");
        await page.ClickAsync("#action-submit");
        await Assertions.Expect(page.Locator("#due")).ToContainTextAsync(extended);
        await browser.ShotAsync("extended");

        // the year's statistics with their charts and the units' scores, exported to Excel
        await page.GetByRole(AriaRole.Link, new() { Name = "年度统计" }).First.ClickAsync();
        await page.GetByLabel("年度").FillAsync("2020");
        await page.ClickAsync("#show");
        await Assertions.Expect(page.GetByText("件数合计")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("按主题（与上年比较）")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#scores").GetByText("自贸区和特殊区域发展司")).ToBeVisibleAsync();
        await browser.ShotAsync("statistics");
        await browser.CheckAccessibilityAsync("statistics");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-statistics"));
        Assert.Matches(@"^statistics-2020-\d{8}-\d{4}\.xlsx$", download.SuggestedFilename);
        Assert.True(new FileInfo(await download.PathAsync()).Length > 1_000, "the workbook is empty");

        // signing out ends the session: the portal asks for a sign-in again
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.GotoAsync(new Uri(platform.GatewayAddress, "items").ToString());
        await page.WaitForURLAsync("**/account/login**");
        await browser.ShotAsync("signed-out");
    }

    [Fact]
    public async Task A_district_officer_registers_a_local_item_seeing_each_refusal_beside_its_field_and_operations_staff_see_no_item()
    {
        // Arrange: an officer of Shenzhen customs, and one of the operations team
        var officer = await platform.CreatePersonAsync("DIST-SHENZHEN", Contracts.Identity.PlatformRoles.DistrictOfficer);
        var ops = await platform.CreatePersonAsync("HQ-OPS", Contracts.Identity.PlatformRoles.Ops);
        var number = Items.NextNumber();
        await using (var browser = await Browser.OpenAsync("district"))
        {
            var page = browser.Page;
            try
            {
                await browser.SignInAsync(platform.GatewayAddress, officer["userName"]!.GetValue<string>(), officer["initialPassword"]!.GetValue<string>());
                await browser.ShotAsync("home");

                // Act: a first try without a title or a submitter: the API's refusal, beside each field
                await page.GetByRole(AriaRole.Link, new() { Name = "登记本单位交办件" }).First.ClickAsync();
                await page.GetByLabel("届").FillAsync("14");
                await page.GetByLabel("次").FillAsync("3");
                await page.Locator("#number").FillAsync(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await page.Locator("#text").FillAsync("建议加快深圳口岸智慧通关建设。");
                await page.Locator("#topic").FillAsync("口岸");
                await page.ClickAsync("#register");
                await Assertions.Expect(page.Locator("#problem")).ToBeVisibleAsync();
                await Assertions.Expect(ErrorBeside(page, "#title")).ToContainTextAsync("标题为必填项");
                await Assertions.Expect(ErrorBeside(page, "#submitter")).ToContainTextAsync("领衔人姓名");
                await browser.ShotAsync("refused");

                // then complete: the item is registered as the district's own, and its page opens
                await page.Locator("#title").FillAsync($"关于深圳口岸{number}智慧通关的建议");
                await page.Locator("#submitter").FillAsync($"陈七{number}");
                await page.Locator("#province").FillAsync("广东省");
                await page.Locator("#city").FillAsync("深圳市");
                await page.ClickAsync("#register");
                // the portal's own navigation (no page load): the item's heading says it arrived
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"关于深圳口岸{number}智慧通关的建议" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
                Assert.Matches(@"/items/[0-9a-f-]{36}$", page.Url);
                await browser.ShotAsync("registered");
            }
            catch
            {
                await browser.ShotAsync("failed");
                throw;
            }
        }

        // Assert: the office's register has it, registered by Shenzhen
        var listed = await Eventually.Until(
            () => platform.Gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?number={number}&submittingUnit=DIST-SHENZHEN"),
            page => page!["total"]!.GetValue<long>() == 1, "the district's item in the register");
        Assert.Equal("Suggestion", listed!["items"]![0]!["kind"]!.GetValue<string>());

        // operations staff: the dashboard is theirs; the portal shows them no item
        await using var opsBrowser = await Browser.OpenAsync("ops");
        await opsBrowser.SignInAsync(platform.GatewayAddress, ops["userName"]!.GetValue<string>(), ops["initialPassword"]!.GetValue<string>());
        await Assertions.Expect(opsBrowser.Page.GetByText("Aspire 仪表板", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(opsBrowser.Page.GetByRole(AriaRole.Link, new() { Name = "交办件登记簿" })).ToHaveCountAsync(0);
        await opsBrowser.ShotAsync("home");
        await opsBrowser.Page.GotoAsync(new Uri(platform.GatewayAddress, "items").ToString());
        await Assertions.Expect(opsBrowser.Page.Locator("#not-yours")).ToBeVisibleAsync();
        await opsBrowser.ShotAsync("register-refused");

        // English as the second language, chosen from the bar, kept, and back to the same page
        await opsBrowser.Page.ClickAsync("#language");
        await Assertions.Expect(opsBrowser.Page.Locator("#not-yours")).ToContainTextAsync("This page is not for your role.");
        await Assertions.Expect(opsBrowser.Page.GetByRole(AriaRole.Link, new() { Name = "Home" })).ToBeVisibleAsync();
        await opsBrowser.ShotAsync("in-english");
        await opsBrowser.Page.ClickAsync("#language");
        await Assertions.Expect(opsBrowser.Page.Locator("#not-yours")).Not.ToContainTextAsync("This page");
    }

    /// <summary>The message shown under the field whose input is <paramref name="input"/>.</summary>
    private static ILocator ErrorBeside(IPage page, string input) =>
        page.Locator(".mud-input-control").Filter(new() { Has = page.Locator(input) }).Locator(".mud-input-helper-text.mud-input-error");
}
