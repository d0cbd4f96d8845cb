using Microsoft.Playwright;
using ProposalPlatform.IntegrationTests.Platform;

namespace ProposalPlatform.IntegrationTests.Portal;

/// <summary>The proposal office keeps the holiday calendar in a browser, and sees what it means for an item's return window.</summary>
[Collection(PlatformCollection.Name)]
public sealed class Keeping_the_holiday_calendar_in_the_portal(PlatformFixture platform)
{
    /// <summary>A year of the calendar this walk enters for itself: 1 January 2189 is a Thursday.</summary>
    private const int Year = 2189;

    [Fact]
    public async Task The_office_enters_a_year_from_its_notice_mends_it_a_day_at_a_time_and_sees_a_proposals_window_warned_of_a_missing_year()
    {
        // Arrange: a proposal the assigning office handed over on 28 December 2023, a year the calendar does not hold
        var number = Items.NextNumber();
        var item = Items.Suggestion(number);
        item["kind"] = "Proposal";
        item["title"] = $"关于日历{number}综合保税区建设的提案";
        item["leadSubmitter"]!.AsObject().Remove("delegation");
        item["assignedByOfficeAt"] = "2023-12-28T10:00:00+08:00";
        var id = (await platform.Gateway.RegisterAsync(item))["id"]!.GetValue<Guid>();
        await platform.Gateway.GetWhenPresentAsync($"/api/assignment/assignments/{id}");
        await platform.Gateway.GetWhenPresentAsync($"/api/reporting/items/{id}/story", s => s["status"]!.GetValue<string>() == "Assigned");
        await using var browser = await Browser.OpenAsync("holiday-calendar");
        var page = browser.Page;
        try
        {
            var admin = platform.OfficeAdmin;
            await browser.SignInAsync(platform.GatewayAddress, admin["userName"]!.GetValue<string>(), admin["password"]!.GetValue<string>(), admin["authenticatorKey"]!.GetValue<string>());

            // Act and assert: the calendar opens on a seeded year, its Spring Festival and make-up Saturdays among its days
            await page.GetByRole(AriaRole.Link, new() { Name = "节假日安排" }).First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "节假日安排（工作日计算）" })).ToBeVisibleAsync();
            await page.GotoAsync(new Uri(platform.GatewayAddress, "calendar?year=2026").ToString());
            await Assertions.Expect(page.Locator("#calendar-year")).ToHaveValueAsync("2026");
            var saturday = page.Locator("#calendar-days").GetByRole(AriaRole.Row).Filter(new() { HasText = "2026-02-14" });
            await Assertions.Expect(saturday).ToContainTextAsync("调休上班");
            await Assertions.Expect(saturday).ToContainTextAsync("周六");
            await Assertions.Expect(page.Locator("#calendar-source-shown")).ToContainTextAsync("国办发明电〔2025〕7号");
            await Assertions.Expect(page.Locator("#calendar-lines")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("2026-02-15~2026-02-23 放假 春节"));
            await browser.ShotAsync("seeded-year");
            await browser.CheckAccessibilityAsync("seeded-year");

            // a year of its own, typed from its notice: a line that is no day, then a make-up Monday, each told; then saved
            await page.Locator("#calendar-new-year").FillAsync(Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#calendar-start-year").ClickAsync();
            await Assertions.Expect(page.Locator("#calendar-missing")).ToContainTextAsync($"尚未录入 {Year} 年");
            await page.Locator("#calendar-source").FillAsync($"国务院办公厅关于{Year}年部分节假日安排的通知");
            await page.Locator("#calendar-lines").FillAsync($"{Year}-01-01~{Year}-01-03 放假 元旦\n{Year}-01-11 加班 元旦");
            await page.Locator("#calendar-save").ClickAsync();
            await Assertions.Expect(page.GetByText("第 2 行无法识别")).ToBeVisibleAsync();
            await page.Locator("#calendar-lines").FillAsync($"{Year}-01-01~{Year}-01-03 放假 元旦\n{Year}-01-05 上班 元旦");
            await page.Locator("#calendar-save").ClickAsync();
            await Assertions.Expect(page.GetByText($"{Year}-01-05：{Year}-01-05 是周一：调休上班日只能是周六或周日。")).ToBeVisibleAsync();
            await browser.ShotAsync("make-up-monday-refused");
            await page.Locator("#calendar-lines").FillAsync($"{Year}-01-01~{Year}-01-03 放假 元旦\n{Year}-01-11 上班 元旦");
            await page.Locator("#calendar-save").ClickAsync();
            var days = page.Locator("#calendar-days");
            await Assertions.Expect(days.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{Year}-01-11" })).ToContainTextAsync("调休上班");
            await Assertions.Expect(days.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{Year}-01-02" })).ToContainTextAsync("放假");
            await Assertions.Expect(page.Locator("#calendar-updated")).ToContainTextAsync("最后由");
            await browser.ShotAsync("year-saved");

            // one day added, then removed
            await page.Locator("#calendar-day-date").FillAsync($"{Year}-01-04");
            await page.Locator("#calendar-day-date").PressAsync("Tab");
            await page.Locator("#calendar-day-name").FillAsync("元旦");
            await page.Locator("#calendar-day-save").ClickAsync();
            await Assertions.Expect(days.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{Year}-01-04" })).ToContainTextAsync("放假");
            await page.Locator($"#remove-{Year}-01-04").ClickAsync();
            await Assertions.Expect(days.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{Year}-01-04" })).ToHaveCountAsync(0);
            await browser.ShotAsync("day-removed");

            // the proposal's return window: seven working days, the days of 2023 counted as calendar days, and said so
            await page.GotoAsync(new Uri(platform.GatewayAddress, $"items/{id}").ToString());
            await page.Locator("#action-return").ClickAsync();
            await Assertions.Expect(page.Locator("#action-window")).ToContainTextAsync("退回期限已于 2024-01-05 截止（交办后 7 个工作日）");
            await Assertions.Expect(page.Locator(".action-warning")).ToContainTextAsync("2023 年尚无节假日安排，按自然日计算。");
            await browser.ShotAsync("return-window-warned");
        }
        catch
        {
            await browser.ShotAsync("failed");
            throw;
        }
    }
}
