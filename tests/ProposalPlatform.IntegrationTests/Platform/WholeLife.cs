using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The whole life of a joint key suggestion through the gateway, as the office, the lead unit's handler
/// and head, a co-handling unit and a customs district each do their part with their own token: an
/// entrusted visit made and reported by the district, a co-handler's opinion, sign-off, a reply to every
/// co-signer, a dissatisfied answer, re-handling, a second reply, and a satisfied answer — all of it in
/// the item's story and its audit trail, each write once. Lived on the shared platform
/// (<see cref="Living_the_whole_life_of_an_item"/>) and on the platform of two copies of every service
/// (<see cref="Living_the_whole_life_on_two_copies_of_every_service"/>).
/// </summary>
public static class WholeLife
{
    /// <summary>Lives the whole life of an item of <paramref name="sessionYear"/> on <paramref name="platform"/>, checking each step; answers what it left.</summary>
    public static async Task<WholeLifeOutcome> LiveAsync(PlatformFixture platform, int sessionYear = 2020)
    {
        // Arrange: the people who handle it, each signed in with their own account — a handler and the
        // head of the lead unit, a handler of the co-handling unit, an officer of Shenzhen customs, and
        // the office's administrator (with the second factor) for the key item's sign-off
        using var handler = await platform.PersonAsync(PlatformFixture.LeadUnit, PlatformRoles.UnitHandler);
        using var head = await platform.PersonAsync(PlatformFixture.LeadUnit, PlatformRoles.UnitHead);
        using var tariff = await platform.PersonAsync("HQ-TARIFF", PlatformRoles.UnitHandler);
        using var shenzhen = await platform.PersonAsync("DIST-SHENZHEN", PlatformRoles.DistrictOfficer);
        var admin = platform.OfficeAdmin;
        using var office = await PersonSignIn.ClientAsync(platform.GatewayAddress,
            admin["userName"]!.GetValue<string>(), admin["password"]!.GetValue<string>(), admin["authenticatorKey"]!.GetValue<string>());

        // a key suggestion of a Shenzhen deputy with two co-signers, co-handled by the tariff department
        var item = Items.Suggestion(Items.NextNumber());
        item["session"]!["year"] = sessionYear;
        item["isKeyItem"] = true;
        item["supervisingBody"] = "全国人大财政经济委员会";
        item["coSigners"] = new JsonArray(
            new JsonObject { ["name"] = "李四", ["province"] = "广东省", ["city"] = "广州市" },
            new JsonObject { ["name"] = "王五", ["province"] = "广东省", ["city"] = "珠海市" });
        var id = (await office.RegisterAsync(item))["id"]!.GetValue<Guid>();
        await office.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
        await PostOkAsync(office, $"/api/assignment/assignments/{id}/co-handlers", new { unitCode = "HQ-TARIFF", reason = "涉及关税政策" });

        // Act 1: the unit entrusts the visit; the district that covers Shenzhen sees it, makes it and reports back
        var visit = await PostOkAsync(handler, $"/api/contacts/tasks/{id}/plans", new
        {
            channel = "EntrustedVisit", plannedStart = DateTimeOffset.UtcNow.AddDays(2), plannedEnd = DateTimeOffset.UtcNow.AddDays(2).AddHours(1),
        });
        var visitId = visit["id"]!.GetValue<Guid>();
        await shenzhen.GetWhenPresentAsync("/api/contacts/entrusted", tasks => tasks.ToJsonString().Contains(visitId.ToString(), StringComparison.Ordinal));
        await PostOkAsync(shenzhen, $"/api/contacts/entrusted/{visitId}/schedule", new
        {
            plannedStart = DateTimeOffset.UtcNow.AddDays(3), plannedEnd = DateTimeOffset.UtcNow.AddDays(3).AddHours(1), visitor = "深圳海关 陈科长",
        });
        await PostOkAsync(shenzhen, $"/api/contacts/entrusted/{visitId}/report", new
        {
            outcome = "FaceToFaceRequested", report = "当面走访代表，介绍办理进展，代表要求当面答复。", occurredAt = DateTimeOffset.UtcNow,
        });

        // the co-handler's opinion, attached to the lead unit's draft; sign-off; the reply to every co-signer
        await PostOkAsync(tariff, $"/api/assignment/assignments/{id}/co-handlers/HQ-TARIFF/opinion", new { opinion = "同意主办单位意见。" });
        await handler.GetWhenPresentAsync($"/api/replies/{id}", r => r["contactCompleted"]!.GetValue<bool>() && r["opinions"]!.AsArray().All(o => o!["submitted"]!.GetValue<bool>()));
        await SignOffKeyItemAsync(handler, head, office, id, "关于您提出的建议，答复如下：正在推进。联系电话：13912345678。");
        var first = await PostOkAsync(handler, $"/api/replies/{id}/issue", Items.Issue("B"));
        var followedUp = await office.GetWhenPresentAsync("/api/replies/follow-ups");
        Assert.Contains(id.ToString(), followedUp.ToJsonString(), StringComparison.Ordinal);

        // the submitter is dissatisfied: re-handling, a new contact, a second reply, then satisfied
        await PostOkAsync(handler, $"/api/replies/{id}/feedback", new { onResult = "Dissatisfied", onAttitude = "Satisfied", comments = "希望加快进度" });
        await handler.GetWhenPresentAsync($"/api/replies/{id}", r => r["round"]!.GetValue<int>() == 2);
        // contact scheduling hears of the second round on its own: a contact recorded before counts for the first
        await handler.GetWhenPresentAsync($"/api/contacts/tasks/{id}", t => t["round"]!.GetValue<int>() == 2);
        await PostCreatedAsync(handler, $"/api/contacts/tasks/{id}/contacts", Items.Contact(DateTimeOffset.UtcNow));
        await handler.GetWhenPresentAsync($"/api/replies/{id}", r => r["contactCompleted"]!.GetValue<bool>());
        await SignOffKeyItemAsync(handler, head, office, id, "关于您提出的建议，再次答复如下：已经解决。");
        await PostOkAsync(handler, $"/api/replies/{id}/issue", Items.Issue("A"));
        await PostOkAsync(handler, $"/api/replies/{id}/feedback", new { onResult = "Satisfied", onAttitude = "Satisfied" });

        // Assert: the B-class reply left the follow-up list when the A-class one closed it
        var stillFollowedUp = await office.GetWhenPresentAsync("/api/replies/follow-ups");
        Assert.DoesNotContain(id.ToString(), stillFollowedUp.ToJsonString(), StringComparison.Ordinal);

        // the first reply went to all three submitters, with the phone number removed from its public text
        var firstReply = first["replies"]!.AsArray()[0]!;
        Assert.Equal(3, firstReply["recipients"]!.AsArray().Count);
        Assert.DoesNotContain("13912345678", firstReply["publicText"]!.GetValue<string>(), StringComparison.Ordinal);
        var assignment = await office.GetWhenPresentAsync($"/api/assignment/assignments/{id}", a => a["round"]!.GetValue<int>() == 2);
        Assert.True(assignment["dueAt"]!.GetValue<DateTimeOffset>() < DateTimeOffset.UtcNow.AddMonths(1).AddDays(1));

        // the item's whole story, from every service, both rounds
        // (reporting takes each service's events as they come: the story is whole once the six sign-off steps are in it too,
        // and the second round's reply and contact, which come from other services than the feedback that makes it Satisfied)
        var story = await office.GetWhenPresentAsync($"/api/reporting/items/{id}/story", s => s["status"]!.GetValue<string>() == "Satisfied"
            && s["timeline"]!.AsArray().Count(t => t!["step"]!.GetValue<string>() == "SignOff") == 6
            && new[] { "Replied", "ContactCompleted" }.All(step => s["timeline"]!.AsArray().Any(t => t!["step"]!.GetValue<string>() == step && t["round"]?.GetValue<int>() == 2)));
        Assert.Equal(2, story["round"]!.GetValue<int>());
        var steps = story["timeline"]!.AsArray().Select(s => (Step: s!["step"]!.GetValue<string>(), Round: s["round"]?.GetValue<int>())).ToList();
        var signers = story["timeline"]!.AsArray().Where(s => s!["step"]!.GetValue<string>() == "SignOff").Select(s => s!["detail"]?.ToString() ?? "").ToList();
        Assert.Equal(6, signers.Count);
        // each step by the account that took it, as its token names it
        Assert.Equal(2, signers.Count(s => s.StartsWith($"Handler {PlatformFixture.LeadUnit} {PlatformRoles.UnitHandler} approved", StringComparison.Ordinal)));
        Assert.Equal(2, signers.Count(s => s.StartsWith($"UnitHead {PlatformFixture.LeadUnit} {PlatformRoles.UnitHead} approved", StringComparison.Ordinal)));
        Assert.Equal(2, signers.Count(s => s.StartsWith("ProposalOffice 建议提案办理处管理员 approved", StringComparison.Ordinal)));
        foreach (var expected in new[] { "Registered", "Assigned", "CoHandlingAssigned", "ContactScheduled", "ContactOutcome", "CoHandlingOpinion", "ReplyDrafted", "SignOff", "Feedback", "ReHandlingRequested", "Reopened" })
        {
            Assert.Contains(steps, s => s.Step == expected);
        }

        Assert.Equal([1, 2], steps.Where(s => s.Step == "Replied").Select(s => s.Round ?? 0));
        Assert.Equal([1, 2], steps.Where(s => s.Step == "ContactCompleted").Select(s => s.Round ?? 0));

        // the district visited on the unit's behalf; the item itself is not one it registered or handles
        using var notTheirs = await shenzhen.GetAsync($"/api/intake/proposals/{id}");
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);

        // the audit trail answers who changed the item, and when, for every step: each write by the account that made it
        var writes = new (string Operation, string Unit, int Count)[]
        {
            ("RegisterProposal", "HQ-OFFICE", 1), ("AddCoHandler", "HQ-OFFICE", 1),
            ("PlanContact", PlatformFixture.LeadUnit, 1), ("ScheduleEntrustedVisit", "DIST-SHENZHEN", 1), ("ReportEntrustedVisit", "DIST-SHENZHEN", 1),
            ("SubmitCoHandlingOpinion", "HQ-TARIFF", 1), ("SaveDraft", PlatformFixture.LeadUnit, 2), ("RecordSignOff", PlatformFixture.LeadUnit, 4),
            ("RecordSignOff", "HQ-OFFICE", 2), ("IssueReply", PlatformFixture.LeadUnit, 2), ("RecordFeedback", PlatformFixture.LeadUnit, 2),
            ("RecordContact", PlatformFixture.LeadUnit, 1),
        };
        var trail = await Eventually.Until(
            () => platform.Gateway.GetFromJsonAsync<JsonObject>($"/api/audit/records?itemId={id}&outcome=Accepted&pageSize=200"),
            page => page!["total"]!.GetValue<long>() >= writes.Sum(e => e.Count),
            "the item's audit trail");
        var records = trail!["records"]!.AsArray().Select(r => r!).ToList();
        Assert.Equal(writes.Sum(e => e.Count), records.Count);
        foreach (var (operation, unit, count) in writes)
        {
            Assert.True(count == records.Count(r => r["operation"]!.GetValue<string>() == operation && r["actorUnit"]?.GetValue<string>() == unit),
                $"{count} × {operation} by {unit} expected in {trail.ToJsonString()}");
        }

        Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r["actorId"]!.GetValue<string>())));
        Assert.Contains(records, r => r["operation"]!.GetValue<string>() == "RecordSignOff" && r["actorName"]!.GetValue<string>() == "建议提案办理处管理员");
        // the last appended first (the trail's order is the store's, not each service's clock), each saying when it happened
        var seqs = records.Select(r => r["seq"]!.GetValue<long>()).ToList();
        Assert.Equal(seqs.OrderDescending(), seqs);
        Assert.All(records, r => Assert.True(r["at"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddHours(-1)));
        return new WholeLifeOutcome(id, story, records);
    }

    /// <summary>The handler submits, the unit head approves, the office decides on publication and approves.</summary>
    private static async Task SignOffKeyItemAsync(HttpClient handler, HttpClient head, HttpClient office, Guid id, string text)
    {
        var version = await Items.DraftAndSignOffAsync(handler, head, id, text, publication: null);
        await office.SignOffAsync(id, new { draftVersion = version, step = "ProposalOffice", decision = "Approve", publication = "FullText" });
    }

    public static async Task<JsonNode> PostOkAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static async Task PostCreatedAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}

/// <summary>The item a whole life was lived with: its id, its story as reporting told it at the end, and its audit trail's accepted writes.</summary>
public sealed record WholeLifeOutcome(Guid Id, JsonNode Story, IReadOnlyList<JsonNode> AuditRecords);
