using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.IntegrationTests.Platform;

namespace ProposalPlatform.IntegrationTests.Reporting;

/// <summary>
/// A known set of items of two sessions (2011 and 2012, years no other test uses) goes through the
/// gateway — kinds, modes, topics, units, a key item, a merged pair, a return, contacts by phone, at the
/// body and on a visit, replies of several classes on time and late, feedback, a re-handling — and
/// the annual statistics and the units' scores must say exactly what happened; then the rebuild
/// command replays the log and the figures are the same.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Counting_the_years_items(PlatformFixture platform)
{
    private const int Year = 2012;
    private readonly HttpClient _office = platform.Gateway;

    [Fact]
    public async Task The_annual_statistics_and_the_scores_count_every_figure_exactly_and_a_rebuild_gives_the_same()
    {
        // Arrange: the handlers and heads of the three units that lead the items
        var ftz = (Handler: platform.Handler, Head: platform.Head);
        var health = (Handler: await platform.ClientAsync("HQ-HEALTH", PlatformRoles.UnitHandler), Head: await platform.ClientAsync("HQ-HEALTH", PlatformRoles.UnitHead));
        var recent = DateTimeOffset.UtcNow.AddDays(-5);
        var longAgo = DateTimeOffset.UtcNow.AddMonths(-4);
        var mergedText = $"建议综合保税区统一实施便利措施（并案{Guid.NewGuid():N}）。";

        // 2012: seven items
        var s1 = await RegisterAsync("Suggestion", Year, "综合保税区", "Lead", recent, text: mergedText);
        var s2 = await RegisterAsync("Suggestion", Year, "卫生检疫", "Sole", recent);
        var p1 = await RegisterAsync("Proposal", Year, "综合保税区", "Separate", longAgo);
        var p2 = await RegisterAsync("Proposal", Year, "综合保税区", "CoHandling", recent);
        var s3 = await RegisterAsync("Suggestion", Year, "综合保税区", "Lead", longAgo, text: mergedText);
        var s4 = await RegisterAsync("Suggestion", Year, "综合保税区", "Lead", null);
        var s5 = await RegisterAsync("Suggestion", Year, "关税", "Lead", recent, key: true);
        // 2011: two
        var o1 = await RegisterAsync("Suggestion", Year - 1, "商品归类", "Lead", recent);
        var o2 = await RegisterAsync("Proposal", Year - 1, "卫生检疫", "Sole", recent);

        foreach (var (id, unit) in new[] { (s1, "HQ-FTZ"), (s2, "HQ-HEALTH"), (p1, "HQ-FTZ"), (p2, "HQ-FTZ"), (s3, "HQ-FTZ"), (s4, "HQ-FTZ"), (s5, "HQ-TARIFF"), (o1, "HQ-TARIFF"), (o2, "HQ-HEALTH") })
        {
            var assignment = await _office.GetWhenPresentAsync($"/api/assignment/assignments/{id}");
            Assert.Equal(unit, assignment["unitCode"]!.GetValue<string>());
        }

        // Act: the office returns one, confirms the merged pair
        await PostOkAsync(_office, $"/api/assignment/assignments/{s4}/return", new { reason = "不属于海关职责" });
        var similar = await _office.GetWhenPresentAsync($"/api/intake/proposals/{s1}/similar", list => list.AsArray().Any(p => p!["proposalId"]!.GetValue<Guid>() == s3));
        var pairId = similar.AsArray().Single(p => p!["proposalId"]!.GetValue<Guid>() == s3)!["pairId"]!.GetValue<Guid>();
        await PostOkAsync(_office, $"/api/intake/similar/{pairId}/confirm", new { note = "内容相同，并案办理" });

        // the units contact, reply and hear back
        await ReplyAsync(ftz, s1, "Phone", "A", ("Satisfied", "Satisfied"));
        await ReplyAsync(health, s2, "Meeting", "B", ("BasicallySatisfied", "Satisfied"));
        await ReplyAsync(ftz, p1, "Phone", "C", ("Dissatisfied", "BasicallySatisfied"));
        await ftz.Handler.GetWhenPresentAsync($"/api/replies/{p1}", r => r["round"]!.GetValue<int>() == 2);
        await ReplyAsync(ftz, p1, "Visit", "A", ("Satisfied", "Satisfied"));
        await ReplyAsync(health, o2, "Phone", "A", ("Satisfied", "Satisfied"));

        // Assert: once reporting has every event (the last feedback of each item in its story, and the contact
        // of its last round: the contacts service's events reach reporting on a queue of their own, maybe after the reply's)
        foreach (var (id, round) in new[] { (s1, 1), (s2, 1), (p1, 2), (o2, 1) })
        {
            await _office.GetWhenPresentAsync($"/api/reporting/items/{id}/story",
                s => new[] { "Feedback", "ContactCompleted" }.All(step =>
                    s["timeline"]!.AsArray().Any(t => t!["step"]!.GetValue<string>() == step && t["round"]?.GetValue<int>() == round)));
        }

        await _office.GetWhenPresentAsync($"/api/reporting/items/{s4}/story", s => s["status"]!.GetValue<string>() == "Returned");
        await _office.GetWhenPresentAsync($"/api/reporting/items/{s3}/story", s => s["timeline"]!.AsArray().Any(t => t!["step"]!.GetValue<string>() == "MergedWith"));
        var stats = await Eventually.Until(
            () => _office.GetFromJsonAsync<JsonObject>($"/api/reporting/statistics/annual?year={Year}"),
            s => s!["items"]!["current"]!.GetValue<int>() == 7 && s["items"]!["previous"]!.GetValue<int>() == 2,
            "the 2012 and 2011 items counted");

        AssertAnnualFigures(stats!);
        var scores = (await _office.GetFromJsonAsync<JsonObject>($"/api/reporting/scores?year={Year}"))!;
        AssertScores(scores);

        // the same figures as the office's spreadsheets: a row per figure in CSV, a row per unit in Excel
        var csv = (await _office.GetStringAsync($"/api/reporting/statistics/annual/export?year={Year}")).TrimStart('\uFEFF');
        Assert.StartsWith("\"指标\",\"分项\",\"本年\",\"上年\",\"增减\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"件数合计\",\"\",\"7\",\"2\",\"5\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"按办理方式\",\"主办\",\"4\",\"1\",\"3\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"按时答复率\",\"\",\"3\",\"1\",\"2\",\"75\",\"100\",\"-25\"", csv, StringComparison.Ordinal);
        using (var xlsx = await _office.GetAsync($"/api/reporting/scores/export?year={Year}&format=xlsx"))
        {
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
            var units = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(["HQ-HEALTH", "HQ-FTZ", "HQ-TARIFF"], units.Select(u => u["单位代码"]?.ToString()));
            Assert.Equal(90.0, Convert.ToDouble(units[0]["总分"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(2.0, Convert.ToDouble(units[1]["排名"], System.Globalization.CultureInfo.InvariantCulture));
        }

        using (var badFormat = await _office.GetAsync($"/api/reporting/scores/export?year={Year}&format=pdf"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
            Assert.Contains("format", (await badFormat.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        }

        // filters: the proposals alone; a unit's own figures; another unit's refused as unseen; ops see none
        var proposals = (await _office.GetFromJsonAsync<JsonObject>($"/api/reporting/statistics/annual?year={Year}&kind=Proposal"))!;
        Assert.Equal((2, 1), Pair(proposals["items"]!));
        var term = (await _office.GetFromJsonAsync<JsonObject>($"/api/reporting/statistics/annual?year={Year}&term=11&meeting=5"))!;
        Assert.Equal((7, 2), Pair(term["items"]!));
        Assert.Equal(4, term["previousYearFilters"]!["meeting"]!.GetValue<int>());
        var own = (await health.Handler.GetFromJsonAsync<JsonObject>($"/api/reporting/statistics/annual?year={Year}"))!;
        Assert.Equal((1, 1), Pair(own["items"]!));
        Assert.Equal("HQ-HEALTH", own["filters"]!["unit"]!.GetValue<string>());
        var ownScores = (await health.Handler.GetFromJsonAsync<JsonObject>($"/api/reporting/scores?year={Year}"))!;
        var ownRow = Assert.Single(ownScores["units"]!.AsArray())!;
        Assert.Equal(("HQ-HEALTH", 1), (ownRow["unitCode"]!.GetValue<string>(), ownRow["rank"]!.GetValue<int>()));
        using (var other = await health.Handler.GetAsync($"/api/reporting/statistics/annual?year={Year}&unit=HQ-FTZ"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
            Assert.DoesNotContain("HQ-FTZ\",\"label", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var ops = await platform.ClientAsync("HQ-OPS", PlatformRoles.Ops);
        using (var refused = await ops.GetAsync($"/api/reporting/statistics/annual?year={Year}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        foreach (var (query, field) in new[] { ("", "year"), ("year=abc", "year"), ("year=1900", "year"), ($"year={Year}&kind=Motion", "kind"), ($"year={Year}&meeting=0", "meeting") })
        {
            using var bad = await _office.GetAsync($"/api/reporting/statistics/annual?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains(field, (await bad.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key), StringComparer.OrdinalIgnoreCase);
        }

        // the rebuild command replays the log into emptied views: the same figures
        await RebuildAsync();
        var rebuilt = (await _office.GetFromJsonAsync<JsonObject>($"/api/reporting/statistics/annual?year={Year}"))!;
        Assert.Equal(Without(stats!, "asOf"), Without(rebuilt, "asOf"));
        var rescored = (await _office.GetFromJsonAsync<JsonObject>($"/api/reporting/scores?year={Year}"))!;
        Assert.Equal(Without(scores, "asOf"), Without(rescored, "asOf"));
        var story = await _office.GetWhenPresentAsync($"/api/reporting/items/{p1}/story");
        Assert.Equal("Satisfied", story["status"]!.GetValue<string>());
    }

    private static void AssertAnnualFigures(JsonObject s)
    {
        Assert.Equal((Year, Year - 1), (s["year"]!.GetValue<int>(), s["previousYear"]!.GetValue<int>()));
        Assert.Equal((7, 2), Pair(s["items"]!));
        Assert.Equal((5, 1), Line(s["byKind"]!, "Suggestion"));
        Assert.Equal((2, 1), Line(s["byKind"]!, "Proposal"));
        Assert.Equal((4, 1), Line(s["byMode"]!, "Lead"));
        Assert.Equal((1, 0), Line(s["byMode"]!, "CoHandling"));
        Assert.Equal((1, 0), Line(s["byMode"]!, "Separate"));
        Assert.Equal((1, 1), Line(s["byMode"]!, "Sole"));
        Assert.Equal("主办", s["byMode"]!.AsArray().Single(l => l!["key"]!.GetValue<string>() == "Lead")!["label"]!.GetValue<string>());
        Assert.Equal(((6, 7, 85.7), (2, 2, 100.0)), Share(s["repliedDirectly"]!));
        Assert.Equal((5, 0), Line(s["byTopic"]!, "综合保税区"));
        Assert.Equal((1, 1), Line(s["byTopic"]!, "卫生检疫"));
        Assert.Equal((1, 0), Line(s["byTopic"]!, "关税"));
        Assert.Equal((0, 1), Line(s["byTopic"]!, "商品归类"));
        Assert.Equal((0, 0), Line(s["byTopic"]!, "缉私"));
        Assert.Equal(-1, s["byTopic"]!.AsArray().Single(l => l!["key"]!.GetValue<string>() == "商品归类")!["count"]!["change"]!.GetValue<int>());
        Assert.Equal((5, 0), Line(s["byUnit"]!, "HQ-FTZ"));
        Assert.Equal((1, 1), Line(s["byUnit"]!, "HQ-HEALTH"));
        Assert.Equal((1, 1), Line(s["byUnit"]!, "HQ-TARIFF"));
        Assert.Equal((1, 0), Pair(s["keyItems"]!));
        // a confirmed pair is not yet a merged group: the office forms groups (Handling_similar_items_together counts one)
        Assert.Equal((0, 0), Pair(s["mergedGroups"]!));
        Assert.Equal((0, 0), Pair(s["itemsInMergedGroups"]!));
        Assert.Equal((1, 0), Pair(s["returned"]!));
        Assert.Equal((0, 0), Pair(s["entrustedItems"]!));

        var replies = s["replies"]!;
        Assert.Equal((5, 2), Pair(replies["toReply"]!));
        Assert.Equal((4, 1), Pair(replies["issued"]!));
        Assert.Equal(((3, 5, 60.0), (1, 2, 50.0)), Share(replies["replyRate"]!));
        Assert.Equal(((3, 4, 75.0), (1, 1, 100.0)), Share(replies["onTime"]!));
        Assert.Equal((1, 0), Pair(replies["overdueNow"]!));
        Assert.Equal(((2, 3, 66.7), (1, 1, 100.0)), ShareLine(replies["resultClasses"]!, "A"));
        Assert.Equal(((1, 3, 33.3), (0, 1, 0.0)), ShareLine(replies["resultClasses"]!, "B"));
        Assert.Equal(((0, 3, 0.0), (0, 1, 0.0)), ShareLine(replies["resultClasses"]!, "C"));
        Assert.Equal(((3, 3, 100.0), (1, 1, 100.0)), Share(replies["solvedOrBeingSolved"]!));

        var contacts = s["contacts"]!;
        Assert.Equal(((4, 4, 100.0), (1, 1, 100.0)), Share(contacts["beforeReply"]!));
        Assert.Equal((0, 0), Pair(contacts["repliesWithoutContact"]!));
        Assert.Equal((2, 1), Line(contacts["byChannel"]!, "Phone"));
        Assert.Equal((1, 0), Line(contacts["byChannel"]!, "Meeting"));
        Assert.Equal((1, 0), Line(contacts["byChannel"]!, "Visit"));
        Assert.Equal((0, 0), Line(contacts["byChannel"]!, "EntrustedVisit"));
        Assert.Equal(((2, 3, 66.7), (0, 1, 0.0)), Share(contacts["faceToFace"]!));

        var feedback = s["feedback"]!;
        Assert.Equal([(1, 1), (1, 0), (1, 0)], Levels(feedback["firstRoundOnResult"]!));
        Assert.Equal([(2, 1), (1, 0), (0, 0)], Levels(feedback["firstRoundOnAttitude"]!));
        Assert.Equal([(1, 0), (0, 0), (0, 0)], Levels(feedback["afterReHandlingOnResult"]!));
        Assert.Equal([(1, 0), (0, 0), (0, 0)], Levels(feedback["afterReHandlingOnAttitude"]!));
        Assert.Equal(((2, 3, 66.7), (1, 1, 100.0)), Share(feedback["satisfaction"]!));
        Assert.Equal((1, 0), Pair(feedback["reHandled"]!));
        Assert.Equal((1, 0), Pair(feedback["bClassOnFollowUp"]!));
    }

    private static void AssertScores(JsonObject scores)
    {
        var rows = scores["units"]!.AsArray().Select(r => r!).ToList();
        Assert.Equal(["HQ-HEALTH", "HQ-FTZ", "HQ-TARIFF"], rows.Select(r => r["unitCode"]!.GetValue<string>()));
        var (health, ftz, tariff) = (rows[0], rows[1], rows[2]);
        Assert.Equal((1, 90.0), (health["rank"]!.GetValue<int>(), health["total"]!.GetValue<double>()));
        Assert.Equal((2, 70.0), (ftz["rank"]!.GetValue<int>(), ftz["total"]!.GetValue<double>()));
        Assert.Null(tariff["rank"]);
        Assert.Null(tariff["total"]);
        Assert.Equal((3, 3), (ftz["items"]!.GetValue<int>(), ftz["repliesIssued"]!.GetValue<int>()));
        Assert.Equal((2, 3), Ratio(ftz["onTime"]!));
        Assert.Equal((3, 3), Ratio(ftz["contactBeforeReply"]!));
        Assert.Equal((1, 2), Ratio(ftz["faceToFace"]!));
        Assert.Equal((1, 2), Ratio(ftz["satisfaction"]!));
        Assert.Equal((2, 2), Ratio(ftz["solved"]!));
        Assert.Equal((0, 1), Ratio(health["solved"]!));
        Assert.Equal(30, scores["weights"]!["onTime"]!.GetValue<double>());
    }

    private async Task<Guid> RegisterAsync(string kind, int year, string topic, string mode, DateTimeOffset? assignedByOffice, bool key = false, string? text = null)
    {
        var number = Items.NextNumber();
        var item = Items.Suggestion(number, topic);
        item["kind"] = kind;
        item["session"] = new JsonObject { ["year"] = year, ["term"] = 11, ["meeting"] = year - 2007 };
        item["title"] = $"关于{topic}的{(kind == "Suggestion" ? "建议" : "提案")}（{number}）";
        item["text"] = text ?? $"{topic}工作的意见{Guid.NewGuid():N}。";
        item["handlingMode"] = mode;
        item["isKeyItem"] = key;
        if (key)
        {
            item["supervisingBody"] = "全国人大财政经济委员会";
        }

        if (assignedByOffice is { } at)
        {
            item["assignedByOfficeAt"] = at.ToString("O");
        }

        return (await _office.RegisterAsync(item))["id"]!.GetValue<Guid>();
    }

    /// <summary>The unit records a contact on <paramref name="channel"/>, drafts, signs off, issues the reply and records the answer.</summary>
    private static async Task ReplyAsync((HttpClient Handler, HttpClient Head) unit, Guid id, string channel, string resultClass, (string OnResult, string OnAttitude) answer)
    {
        var contact = Items.Contact(DateTimeOffset.UtcNow);
        contact["channel"] = channel;
        using (var recorded = await unit.Handler.PostAsJsonAsync($"/api/contacts/tasks/{id}/contacts", contact))
        {
            Assert.True(recorded.StatusCode == HttpStatusCode.Created, $"contact answered {(int)recorded.StatusCode}: {await recorded.Content.ReadAsStringAsync()}");
        }

        await unit.Handler.GetWhenPresentAsync($"/api/replies/{id}", r => r["contactCompleted"]!.GetValue<bool>());
        await Items.DraftAndSignOffAsync(unit.Handler, unit.Head, id, "关于您提出的建议，答复如下：……");
        await PostOkAsync(unit.Handler, $"/api/replies/{id}/issue", Items.Issue(resultClass));
        await PostOkAsync(unit.Handler, $"/api/replies/{id}/feedback", new { onResult = answer.OnResult, onAttitude = answer.OnAttitude });
    }

    private async Task RebuildAsync()
    {
        // the service as the AppHost built it, in the configuration of this build (bin/<configuration>/net10.0)
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        var reporting = Path.Combine(Spectral.RepositoryRoot(), "Services", "Reporting", "bin", configuration, "net10.0", "ProposalPlatform.Reporting.dll");
        var start = new ProcessStartInfo("dotnet", [reporting, "rebuild"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment[$"ConnectionStrings__{ResourceNames.ReportingDatabase}"] = await platform.ConnectionStringAsync(ResourceNames.ReportingDatabase);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"the rebuild exited {process.ExitCode}: {output} {errors}");
        Assert.Contains("Rebuilt the reporting views from", output, StringComparison.Ordinal);
    }

    private static async Task PostOkAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static (int, int) Pair(JsonNode compared) => (compared["current"]!.GetValue<int>(), compared["previous"]!.GetValue<int>());

    private static (int, int) Line(JsonNode lines, string key) =>
        Pair(lines.AsArray().SingleOrDefault(l => l!["key"]!.GetValue<string>() == key)?["count"] ?? throw new InvalidOperationException($"no line {key} in {lines.ToJsonString()}"));

    private static (int, int) Ratio(JsonNode ratio) => (ratio["count"]!.GetValue<int>(), ratio["of"]!.GetValue<int>());

    private static ((int, int, double?), (int, int, double?)) Share(JsonNode compared) =>
        (RatioWithPercent(compared["current"]!), RatioWithPercent(compared["previous"]!));

    private static (int, int, double?) RatioWithPercent(JsonNode ratio) =>
        (ratio["count"]!.GetValue<int>(), ratio["of"]!.GetValue<int>(), ratio["percent"]?.GetValue<double>());

    private static ((int, int, double?), (int, int, double?)) ShareLine(JsonNode lines, string key) =>
        Share(lines.AsArray().Single(l => l!["key"]!.GetValue<string>() == key)!["share"]!);

    private static (int, int)[] Levels(JsonNode levels) =>
        [Pair(levels["satisfied"]!), Pair(levels["basicallySatisfied"]!), Pair(levels["dissatisfied"]!)];

    private static string Without(JsonObject json, string property)
    {
        var copy = json.DeepClone().AsObject();
        copy.Remove(property);
        return copy.ToJsonString();
    }
}
