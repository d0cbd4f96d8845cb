using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The holiday calendar the office keeps, the return window counted on it in working days (and a year
/// it lacks said plainly), and an extension past three months that waits for the unit's explanation of
/// the progress to the submitter — through the gateway, on the real databases and broker.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Working_days_and_extensions(PlatformFixture platform)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>A year of the calendar this class puts for itself, far from any item's window: 1 January 2190 is a Friday.</summary>
    private const int OwnYear = 2190;

    private readonly HttpClient _office = platform.Gateway;

    [Fact]
    public async Task The_office_keeps_the_holiday_calendar_and_every_write_names_who_made_it()
    {
        // Arrange
        var (officeId, officeSecret) = await platform.CreateClientAsync("HQ-OFFICE", PlatformRoles.ProposalOffice);
        using var office = platform.ClientWithSecret(officeId, officeSecret);
        var district = await platform.ClientAsync("DIST-SHENZHEN", PlatformRoles.DistrictOfficer);
        var source = $"国务院办公厅关于{OwnYear}年部分节假日安排的通知（测试{Items.NextNumber()}）";
        object[] days =
        [
            new { date = $"{OwnYear}-01-01", kind = "Holiday", name = "元旦" },
            new { date = $"{OwnYear}-01-02", kind = "Holiday", name = "元旦" },
            // a Saturday
            new { date = $"{OwnYear}-01-09", kind = "MakeUpWorkday", name = "元旦" },
        ];

        // Act: the seeded years read; a year put, a day added and removed; the others and bad dates refused
        var years = await _office.GetFromJsonAsync<JsonArray>("/api/assignment/calendar");
        var seeded = await platform.Handler.GetFromJsonAsync<JsonObject>("/api/assignment/calendar/2026");
        using var put = await office.PutAsJsonAsync($"/api/assignment/calendar/{OwnYear}", new { source, days });
        using var added = await office.PutAsJsonAsync($"/api/assignment/calendar/days/{OwnYear}-01-03", new { kind = "Holiday", name = "元旦" });
        using var removed = await office.DeleteAsync($"/api/assignment/calendar/days/{OwnYear}-01-03");
        using var removedAgain = await office.DeleteAsync($"/api/assignment/calendar/days/{OwnYear}-01-03");
        using var byTheHandler = await platform.Handler.PutAsJsonAsync($"/api/assignment/calendar/{OwnYear}", new { source = "越权", days });
        using var dayByTheHandler = await platform.Handler.DeleteAsync($"/api/assignment/calendar/days/{OwnYear}-01-01");
        using var readByADistrict = await district.GetAsync($"/api/assignment/calendar/{OwnYear}");
        using var mondayWorked = await office.PutAsJsonAsync($"/api/assignment/calendar/{OwnYear}",
            new { source, days = new[] { new { date = $"{OwnYear}-01-11", kind = "MakeUpWorkday", name = "元旦" } } });
        using var noDate = await office.PutAsJsonAsync($"/api/assignment/calendar/days/{OwnYear}-13-01", new { kind = "Holiday", name = "元旦" });
        using var badJsonDate = await office.PutAsJsonAsync($"/api/assignment/calendar/{OwnYear}", new { source, days = new[] { new { date = "明天", kind = "Holiday", name = "元旦" } } });
        using var yearNotHeld = await office.PutAsJsonAsync($"/api/assignment/calendar/days/{OwnYear + 1}-01-01", new { kind = "Holiday", name = "元旦" });
        using var missingYear = await office.GetAsync($"/api/assignment/calendar/{OwnYear + 1}");
        var after = await _office.GetFromJsonAsync<JsonObject>($"/api/assignment/calendar/{OwnYear}");

        // Assert: the seed, as the notices give it
        Assert.Equal([2024, 2025, 2026], years!.Select(y => y!["year"]!.GetValue<int>()).Where(y => y < 2100));
        var year2026 = years!.Single(y => y!["year"]!.GetValue<int>() == 2026)!;
        Assert.Equal(33, year2026["holidays"]!.GetValue<int>());
        Assert.Equal(6, year2026["makeUpWorkdays"]!.GetValue<int>());
        Assert.Contains("国办发明电〔2025〕7号", seeded!["source"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(seeded["days"]!.AsArray(), d => d!["date"]!.GetValue<string>() == "2026-02-14" && d["kind"]!.GetValue<string>() == "MakeUpWorkday");
        // the office's writes
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(4, (await added.ReadJsonAsync())["days"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.StatusCode);
        // the others', and the bad dates, refused, each naming its field
        Assert.Equal(HttpStatusCode.Forbidden, byTheHandler.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, dayByTheHandler.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readByADistrict.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, mondayWorked.StatusCode);
        Assert.Contains("Saturday or a Sunday", (await mondayWorked.ReadJsonAsync())["errors"]!["days[0].date"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.NotNull((await noDate.ReadJsonAsync())["errors"]!["date"]);
        Assert.Equal(HttpStatusCode.BadRequest, badJsonDate.StatusCode);
        Assert.NotNull((await badJsonDate.ReadJsonAsync())["errors"]!["days[0].date"]);
        Assert.Equal(HttpStatusCode.NotFound, yearNotHeld.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingYear.StatusCode);
        Assert.Equal("application/problem+json", missingYear.Content.Headers.ContentType?.MediaType);
        // nothing refused changed the year: as the office put it, with who did it
        Assert.Equal(source, after!["source"]!.GetValue<string>());
        Assert.Equal([$"{OwnYear}-01-01", $"{OwnYear}-01-02", $"{OwnYear}-01-09"], after["days"]!.AsArray().Select(d => d!["date"]!.GetValue<string>()));
        var officeName = (await _office.GetFromJsonAsync<JsonArray>("/api/identity/clients"))!
            .Single(c => c!["clientId"]!.GetValue<string>() == officeId)!["displayName"]!.GetValue<string>();
        Assert.Equal(officeName, after["updatedBy"]!.GetValue<string>());
        foreach (var operation in new[] { "ReplaceCalendarYear", "SetCalendarDay", "RemoveCalendarDay" })
        {
            var records = await Eventually.Until(
                () => _office.GetFromJsonAsync<JsonObject>($"/api/audit/records?operation={operation}&actor={officeId}&outcome=Accepted"),
                page => page!["total"]!.GetValue<long>() >= 1,
                $"the audit record of {operation}");
            var record = Assert.Single(records!["records"]!.AsArray())!;
            Assert.Equal(officeName, record["actorName"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_proposals_return_window_is_seven_working_days_across_the_Spring_Festival()
    {
        // Arrange: a proposal the assigning office handed over on Thursday 12 February 2026, before the festival
        var assignedAt = new DateTimeOffset(2026, 2, 12, 10, 0, 0, Beijing);

        // Act
        var id = await AssignmentOffice.AnnounceAsync(platform, "综合保税区", assignedAt, ProposalKind.Proposal);
        var assignment = await _office.GetWhenPresentAsync($"/api/assignment/assignments/{id}");

        // Assert: Fri 13 and Sat 14 (worked), not 15–23, then 24 to Sat 28 (worked): closes on 28 February
        Assert.Equal("Proposal", assignment["kind"]!.GetValue<string>());
        Assert.Equal(7, assignment["returnWindow"]!["days"]!.GetValue<int>());
        Assert.Equal("WorkingDays", assignment["returnWindow"]!["counting"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 23, 59, 59, Beijing), assignment["returnWindowClosesAt"]!.GetValue<DateTimeOffset>());
        Assert.Empty(assignment["warnings"]!.AsArray());
    }

    [Fact]
    public async Task A_window_reaching_a_year_the_calendar_lacks_says_so_in_the_view_and_the_refusal()
    {
        // Arrange: a proposal handed over on Thursday 28 December 2023: 2023 is not in the calendar, 2024 is
        var assignedAt = new DateTimeOffset(2023, 12, 28, 10, 0, 0, Beijing);
        var id = await AssignmentOffice.AnnounceAsync(platform, "综合保税区", assignedAt, ProposalKind.Proposal);
        var assignment = await _office.GetWhenPresentAsync($"/api/assignment/assignments/{id}");

        // Act
        using var returned = await _office.PostAsJsonAsync($"/api/assignment/assignments/{id}/return", new { reason = "不属于海关职责" });

        // Assert: 29–31 December counted as calendar days (1–3), 1 January 2024 off, 2–5 January (4–7)
        const string warning = "2023 has no holiday calendar; counted as calendar days.";
        Assert.Equal(new DateTimeOffset(2024, 1, 5, 23, 59, 59, Beijing), assignment["returnWindowClosesAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal([warning], assignment["warnings"]!.AsArray().Select(w => w!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, returned.StatusCode);
        var problem = await returned.ReadJsonAsync();
        Assert.Equal("2024-01-05", problem["windowClosedOn"]!.GetValue<string>());
        Assert.Equal("7 working days", problem["windowRule"]!.GetValue<string>());
        Assert.Equal([warning], problem["warnings"]!.AsArray().Select(w => w!.GetValue<string>()));
    }

    [Fact]
    public async Task An_extension_past_three_months_waits_for_the_units_explanation_and_both_are_in_the_story()
    {
        // Arrange: an item of the lead unit
        var id = (await _office.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        var assignment = await _office.GetWhenPresentAsync($"/api/assignment/assignments/{id}");
        var assignedOn = DateOnly.FromDateTime(assignment["clockStartedAt"]!.GetValue<DateTimeOffset>().ToOffset(Beijing).DateTime);
        var other = await platform.ClientAsync("HQ-PORTS", PlatformRoles.UnitHandler);
        var today = Items.BeijingToday();
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(Beijing).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var explanation = new { channel = "Visit", explainedOn = today, account = "登门向代表说明：需会同商务部研究，预计延期一个月答复。" };

        // Act 1: the office extends before the unit explained; others try to explain; bad explanations
        using var unexplained = await _office.PostAsJsonAsync($"/api/assignment/assignments/{id}/extend", new { months = 1, reason = "需会同商务部研究" });
        using var byAnotherUnit = await other.PostAsJsonAsync($"/api/assignment/assignments/{id}/progress-explanations", explanation);
        using var byTheOffice = await _office.PostAsJsonAsync($"/api/assignment/assignments/{id}/progress-explanations", explanation);
        using var bad = await platform.Handler.PostAsJsonAsync($"/api/assignment/assignments/{id}/progress-explanations",
            new { channel = "Pigeon", explainedOn = tomorrow, account = " " });
        using var beforeAssignment = await platform.Handler.PostAsJsonAsync($"/api/assignment/assignments/{id}/progress-explanations",
            explanation with { explainedOn = assignedOn.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var untouched = await _office.GetFromJsonAsync<JsonObject>($"/api/assignment/assignments/{id}");

        // Act 2: the unit explains, the office extends
        using var explained = await platform.Handler.PostAsJsonAsync($"/api/assignment/assignments/{id}/progress-explanations", explanation);
        var explainedView = await explained.ReadJsonAsync();
        using var extended = await _office.PostAsJsonAsync($"/api/assignment/assignments/{id}/extend", new { months = 1, reason = "需会同商务部研究" });

        // Assert: refused while unexplained, naming what is missing; each bad field named; nothing recorded by the refusals
        Assert.Equal(HttpStatusCode.Conflict, unexplained.StatusCode);
        var refusal = await unexplained.ReadJsonAsync();
        Assert.Equal("The progress has not been explained to the submitter.", refusal["title"]!.GetValue<string>());
        Assert.Contains("progress-explanations", refusal["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("progressExplanation", refusal["missing"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, byAnotherUnit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byTheOffice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["account", "channel", "explainedOn"], (await bad.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, beforeAssignment.StatusCode);
        Assert.NotNull((await beforeAssignment.ReadJsonAsync())["errors"]!["explainedOn"]);
        Assert.Empty(untouched!["progressExplanations"]!.AsArray());
        Assert.Empty(untouched["extensions"]!.AsArray());
        Assert.Equal(assignment["dueAt"]!.GetValue<DateTimeOffset>(), untouched["dueAt"]!.GetValue<DateTimeOffset>());

        // the explanation recorded, and the extension resting on it
        Assert.Equal(HttpStatusCode.OK, explained.StatusCode);
        var recorded = Assert.Single(explainedView["progressExplanations"]!.AsArray())!;
        Assert.Equal("Visit", recorded["channel"]!.GetValue<string>());
        Assert.Equal(today, recorded["explainedOn"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var extension = Assert.Single((await extended.ReadJsonAsync())["extensions"]!.AsArray())!;
        Assert.Equal(recorded["id"]!.GetValue<Guid>(), extension["progressExplanationId"]!.GetValue<Guid>());
        Assert.Equal(1, await AssignmentOffice.PublishedCountAsync(platform, "ProgressExplained", id));

        // both in the item's story
        var story = await _office.GetWhenPresentAsync($"/api/reporting/items/{id}/story",
            s => s["timeline"]!.AsArray().Any(l => l!["step"]!.GetValue<string>() == "DeadlineExtended"));
        var timeline = story["timeline"]!.AsArray();
        var told = Assert.Single(timeline, l => l!["step"]!.GetValue<string>() == "ProgressExplained")!;
        Assert.Contains($"(Visit) on {today}", told["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"after the progress was explained on {today}",
            Assert.Single(timeline, l => l!["step"]!.GetValue<string>() == "DeadlineExtended")!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
