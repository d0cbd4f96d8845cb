using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.IntegrationTests.Platform;

namespace ProposalPlatform.IntegrationTests.Portal;

/// <summary>A customs district's officer in the portal: the visits the handling units entrusted to the district.</summary>
[Collection(PlatformCollection.Name)]
public sealed class District_visits_in_the_portal(PlatformFixture platform)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_district_officer_schedules_an_entrusted_visit_after_a_refusal_beside_its_fields_and_reports_it_completing_the_items_contact()
    {
        // Arrange: a Shenzhen deputy's item, assigned to the lead unit, whose handler entrusts the visit
        // to Shenzhen customs for 10:00–11:00 Beijing time in five days
        var number = Items.NextNumber();
        var submitter = $"张三{number}";
        var visitor = $"深圳海关 陈科长{number}";
        var id = (await platform.Gateway.RegisterAsync(Items.Suggestion(number)))["id"]!.GetValue<Guid>();
        await platform.Gateway.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
        var proposed = new DateTimeOffset(DateTimeOffset.UtcNow.ToOffset(Beijing).Date.AddDays(5).AddHours(10), Beijing);
        using (var planned = await platform.Handler.PostAsJsonAsync($"/api/contacts/tasks/{id}/plans",
                   new { channel = "EntrustedVisit", plannedStart = proposed, plannedEnd = proposed.AddHours(1) }))
        {
            Assert.True(planned.IsSuccessStatusCode, $"entrusting answered {(int)planned.StatusCode}: {await planned.Content.ReadAsStringAsync()}");
        }

        // and a call with the same deputy the day after, 14:00–15:00, that the district's time must not meet
        var day = proposed.AddDays(1);
        var call = day.Date + TimeSpan.FromHours(14);
        using (var called = await platform.Handler.PostAsJsonAsync($"/api/contacts/tasks/{id}/plans",
                   new { channel = "Phone", plannedStart = new DateTimeOffset(call, Beijing), plannedEnd = new DateTimeOffset(call, Beijing).AddHours(1), handler = $"李四{number}" }))
        {
            Assert.True(called.IsSuccessStatusCode, $"planning the call answered {(int)called.StatusCode}: {await called.Content.ReadAsStringAsync()}");
        }

        var officer = await platform.CreatePersonAsync("DIST-SHENZHEN", PlatformRoles.DistrictOfficer);

        await using (var browser = await Browser.OpenAsync("district-visits"))
        {
            var page = browser.Page;
            try
            {
                await browser.SignInAsync(platform.GatewayAddress, officer["userName"]!.GetValue<string>(), officer["initialPassword"]!.GetValue<string>());
                await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "本关区件" })).ToBeVisibleAsync();

                // Act: the district's entrusted visits list this one, from the lead unit, to schedule
                await page.GetByRole(AriaRole.Link, new() { Name = "委托走访" }).First.ClickAsync();
                var row = page.Locator("tr").Filter(new() { HasText = submitter });
                await Assertions.Expect(row).ToContainTextAsync("自贸区和特殊区域发展司");
                await Assertions.Expect(row).ToContainTextAsync("待安排");
                await Assertions.Expect(row).ToContainTextAsync("非本关区件");
                await Assertions.Expect(row).ToContainTextAsync($"{Format(proposed)}–11:00");
                await browser.ShotAsync("entrusted");
                await browser.CheckAccessibilityAsync("entrusted");

                // a first try ending before it starts, with nobody to make it: each refusal under its field
                await row.GetByRole(AriaRole.Button, new() { Name = "安排走访" }).ClickAsync();
                await Assertions.Expect(page.Locator("#visit-start")).ToHaveValueAsync("10:00");
                await FillAsync(page, "#visit-end", "09:00");
                await page.ClickAsync("#save-schedule");
                await Assertions.Expect(ErrorBeside(page, "#visit-end")).ToContainTextAsync("结束时间须晚于开始时间");
                await Assertions.Expect(ErrorBeside(page, "#visitor")).ToContainTextAsync("走访人员");
                await browser.ShotAsync("schedule-refused");
                await browser.CheckAccessibilityAsync("schedule-refused");

                // then a day later, 14:00–15:30, by a named officer: the deputy's call is then, beside the time
                await FillAsync(page, "#visit-date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                await FillAsync(page, "#visit-start", "14:00");
                await FillAsync(page, "#visit-end", "15:30");
                await page.Locator("#visitor").FillAsync(visitor);
                await page.ClickAsync("#save-schedule");
                await Assertions.Expect(page.Locator("#clash")).ToContainTextAsync("无法按此时间安排");
                await Assertions.Expect(page.Locator("#clash")).ToContainTextAsync("冲突");
                await browser.ShotAsync("schedule-clash");

                // after the call, 15:30–16:30
                await FillAsync(page, "#visit-start", "15:30");
                await FillAsync(page, "#visit-end", "16:30");
                await page.ClickAsync("#save-schedule");
                await Assertions.Expect(page.Locator("#schedule-form")).ToHaveCountAsync(0);
                await Assertions.Expect(row).ToContainTextAsync("已安排");
                await Assertions.Expect(row).ToContainTextAsync($"{day:yyyy-MM-dd} 15:30–16:30");
                await Assertions.Expect(row).ToContainTextAsync(visitor);
                await browser.ShotAsync("scheduled");

                // the report: the deputy was met and agreed
                await row.GetByRole(AriaRole.Button, new() { Name = "报告结果" }).ClickAsync();
                await Assertions.Expect(page.Locator("#report-visitor")).ToHaveValueAsync(visitor);
                await page.Locator("#report-form .mud-select").First.ClickAsync();
                await page.Locator(".mud-popover-open").GetByText("已见面，代表委员认可办理情况").ClickAsync();
                const string report = "走访代表，介绍综合保税区建设进展，代表认可办理情况。";
                await page.Locator("#report").FillAsync(report);
                await Assertions.Expect(page.Locator("#report")).ToHaveValueAsync(report);
                await browser.ShotAsync("report-filled");
                await page.ClickAsync("#save-report");
                await Assertions.Expect(page.Locator("#report-form")).ToHaveCountAsync(0);
                await Assertions.Expect(row).ToContainTextAsync("已报告");
                await Assertions.Expect(row).ToContainTextAsync("已见面，代表委员认可办理情况");
                await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "报告结果" })).ToHaveCountAsync(0);
                await browser.ShotAsync("reported");
            }
            catch
            {
                await browser.ShotAsync("failed");
                throw;
            }
        }

        // Assert: the report is the item's contact, and the round's contact is complete
        var task = await platform.Handler.GetWhenPresentAsync($"/api/contacts/tasks/{id}", t => t["completed"]!.GetValue<bool>());
        var visit = task["contacts"]!.AsArray().Single(c => c!["channel"]!.GetValue<string>() == "EntrustedVisit")!;
        Assert.Equal("Done", visit["status"]!.GetValue<string>());
        Assert.Equal("ReachedAndAgreed", visit["outcome"]!.GetValue<string>());
        Assert.Equal(visitor, visit["handler"]!.GetValue<string>());
        Assert.Equal("DIST-SHENZHEN", visit["reportedByUnitCode"]!.GetValue<string>());

        // the district's list names the unit that entrusted it
        using var shenzhen = await platform.DistrictClientAsync("DIST-SHENZHEN");
        var listed = (await shenzhen.GetFromJsonAsync<JsonArray>("/api/contacts/entrusted"))!
            .Single(v => v!["proposalId"]!.GetValue<Guid>() == id)!;
        Assert.Equal(PlatformFixture.LeadUnit, listed["entrustingUnitCode"]!.GetValue<string>());
    }

    private static string Format(DateTimeOffset at) => at.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Types into a picker's text as a person would, and leaves it so the picker reads it.</summary>
    private static async Task FillAsync(IPage page, string input, string text)
    {
        await page.Locator(input).FillAsync(text);
        await page.Locator(input).PressAsync("Tab");
    }

    /// <summary>The message shown under the field whose input is <paramref name="input"/>.</summary>
    private static ILocator ErrorBeside(IPage page, string input) =>
        page.Locator(".mud-input-control").Filter(new() { Has = page.Locator(input) }).Locator(".mud-input-helper-text.mud-input-error");
}
