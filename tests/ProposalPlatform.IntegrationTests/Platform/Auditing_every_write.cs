using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.IntegrationTests.Platform.Fuzzing;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The audit trail: every write operation of the OpenAPI documents (read at test time, so a new
/// operation without its audit fails here) is called once by callers made for this test, and leaves
/// exactly one record naming that caller; refusals are recorded; the store refuses to be changed, and a
/// record changed behind its back is found by the verification of the chain.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Auditing_every_write(PlatformFixture platform)
{
    /// <summary>POSTs of the documents that change nothing, and the protocol's own endpoints (sign-in, tokens): not writes of the platform's data.</summary>
    private static readonly HashSet<string> NotWrites =
        ["DryRunRoutingRules", "RouteItem", "AuthorizePost", "Token", "EndSessionPost", "UserInfoPost"];

    [Fact]
    public async Task Every_write_operation_of_the_documents_leaves_one_record_naming_its_caller()
    {
        // Arrange: the write operations, as the documents list them, and callers no other test uses
        var writes = new HashSet<string>();
        foreach (var document in ApiDocuments.Names)
        {
            var openApi = await platform.Gateway.GetFromJsonAsync<JsonObject>($"/openapi/{document}/v1.json");
            foreach (var (_, item) in openApi!["paths"]!.AsObject())
            {
                foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "post" or "put" or "delete" or "patch"))
                {
                    var id = operation!["operationId"]!.GetValue<string>();
                    if (!NotWrites.Contains(id))
                    {
                        writes.Add(id);
                    }
                }
            }
        }

        var script = await Script.CreateAsync(platform);

        // Act: each write once (some twice, where the next needs it), in an order the process allows
        await script.RunAsync();

        // Assert: every write of the documents was called, and each call left exactly one record of its caller
        var notCalled = writes.Except(script.Calls.Select(c => c.Operation)).ToList();
        Assert.True(notCalled.Count == 0, $"Write operations the audit test does not call: {string.Join(", ", notCalled)}");
        foreach (var group in script.Calls.GroupBy(c => (c.Operation, c.ActorId)))
        {
            var (operation, actor) = group.Key;
            var records = await Eventually.Until(
                () => platform.Gateway.GetFromJsonAsync<JsonObject>($"/api/audit/records?operation={operation}&actor={Uri.EscapeDataString(actor)}&pageSize=50"),
                page => page!["total"]!.GetValue<long>() >= group.Count(),
                $"the audit records of {operation} by {actor}");
            var found = records!["records"]!.AsArray();
            Assert.True(found.Count == group.Count(), $"{operation} by {actor}: {group.Count()} calls, {found.Count} records: {found.ToJsonString()}");
            foreach (var record in found)
            {
                Assert.Equal("Accepted", record!["outcome"]!.GetValue<string>());
                Assert.Equal(script.Names[actor], record["actorName"]!.GetValue<string>());
                Assert.False(string.IsNullOrEmpty(record["traceId"]?.GetValue<string>()), $"{operation} has no trace id");
                Assert.True(record["at"]!.GetValue<DateTimeOffset>() > script.StartedAt.AddSeconds(-5));
            }

            // the calls on an item name it
            foreach (var call in group.Where(c => c.ItemId is not null))
            {
                Assert.True(found.Any(r => r!["itemId"]?.GetValue<Guid>() == call.ItemId), $"{operation} on {call.ItemId} is not on its record: {found.ToJsonString()}");
            }
        }

        var chain = await platform.Gateway.GetFromJsonAsync<JsonObject>("/api/audit/chain");
        Assert.True(chain!["verified"]!.GetValue<bool>(), chain.ToJsonString());
    }

    [Fact]
    public async Task Refusals_that_matter_for_security_are_recorded_with_who_asked()
    {
        // Arrange: a handler of another unit, an item of the lead unit, and no token at all
        var (otherId, otherSecret) = await platform.CreateClientAsync("HQ-PORTS", PlatformRoles.UnitHandler);
        using var other = platform.ClientWithSecret(otherId, otherSecret);
        var id = (await platform.Gateway.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        await platform.Gateway.GetWhenPresentAsync($"/api/replies/{id}");
        using var anonymous = platform.Anonymous();

        // Act
        using var hidden = await other.GetAsync($"/api/intake/proposals/{id}");
        using var forbidden = await other.PostAsJsonAsync($"/api/assignment/assignments/{id}/reassign", new { unitCode = "HQ-PORTS", reason = "越权改派" });
        using var unauthenticated = await anonymous.GetAsync($"/api/intake/proposals/{id}");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        var refused = await Eventually.Until(
            () => platform.Gateway.GetFromJsonAsync<JsonObject>($"/api/audit/records?actor={otherId}&pageSize=50"),
            page => page!["total"]!.GetValue<long>() >= 2,
            "the refusals of the other unit's handler");
        var records = refused!["records"]!.AsArray();
        Assert.Contains(records, r => r!["outcome"]!.GetValue<string>() == "Hidden" && r["itemId"]?.GetValue<Guid>() == id && r["operation"]!.GetValue<string>() == "GetProposal");
        Assert.Contains(records, r => r!["outcome"]!.GetValue<string>() == "Forbidden" && r["status"]!.GetValue<int>() == 403 && r["operation"]!.GetValue<string>() == "ReassignProposal");
        var anonymousRecords = await Eventually.Until(
            () => platform.Gateway.GetFromJsonAsync<JsonObject>($"/api/audit/records?outcome=Unauthenticated&service=gateway&pageSize=200"),
            page => page!["records"]!.AsArray().Any(r => r!["resource"]?.GetValue<string>() == $"/api/intake/proposals/{id}"),
            "the gateway's refusal of the call without a token");
        Assert.NotNull(anonymousRecords);
    }

    [Fact]
    public async Task The_store_refuses_every_change_and_its_chain_names_a_record_changed_behind_its_back()
    {
        // Arrange: a record to tamper with
        var (clientId, _) = await platform.CreateClientAsync("HQ-STATISTICS", PlatformRoles.UnitHandler);
        var page = await Eventually.Until(
            () => platform.Gateway.GetFromJsonAsync<JsonObject>($"/api/audit/records?operation=CreateClient&pageSize=200"),
            p => p!["records"]!.AsArray().Any(r => r!["summary"]!.GetValue<string>().Contains(clientId, StringComparison.Ordinal)),
            "the record of the client's creation");
        var record = page!["records"]!.AsArray().First(r => r!["summary"]!.GetValue<string>().Contains(clientId, StringComparison.Ordinal))!;
        var seq = record["seq"]!.GetValue<long>();
        // the audit service's own role, and the server's superuser
        await using var service = new NpgsqlConnection(await platform.ConnectionStringAsync(ResourceNames.AuditDatabase));
        await service.OpenAsync();
        await using var database = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(await platform.ConnectionStringAsync(ResourceNames.DatabaseServer))
        {
            Database = ResourceNames.AuditDatabase,
        }.ConnectionString);
        await database.OpenAsync();
        string[] changes =
        [
            $"UPDATE audit_records SET actor_name = '别人' WHERE seq = {seq}",
            $"DELETE FROM audit_records WHERE seq = {seq}",
            "TRUNCATE audit_records",
        ];

        // Act 1: the service's role may not change a record at all; the database refuses everyone else
        // (the superuser too) to change or remove one, or to purge a young one
        var notGranted = new List<string>();
        foreach (var statement in changes)
        {
            await using var command = new NpgsqlCommand(statement, service);
            notGranted.Add((await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync())).MessageText);
        }

        var refusals = new List<string>();
        foreach (var statement in changes.Append("SELECT audit_purge(now() - interval '30 days', 10)"))
        {
            await using var command = new NpgsqlCommand(statement, database);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            refusals.Add(error.MessageText);
        }

        // Act 2: someone with the server's keys changes a record anyway, with the triggers off
        await ExecuteAsync(database, $"SET session_replication_role = replica; UPDATE audit_records SET actor_name = '别人' WHERE seq = {seq}; SET session_replication_role = DEFAULT");
        var broken = await platform.Gateway.GetFromJsonAsync<JsonObject>("/api/audit/chain");
        await ExecuteAsync(database, $"SET session_replication_role = replica; UPDATE audit_records SET actor_name = '{record["actorName"]!.GetValue<string>()}' WHERE seq = {seq}; SET session_replication_role = DEFAULT");
        var mended = await platform.Gateway.GetFromJsonAsync<JsonObject>("/api/audit/chain");

        // Assert
        Assert.All(notGranted, message => Assert.Contains("permission denied", message, StringComparison.Ordinal));
        Assert.All(refusals.Take(3), message => Assert.Contains("append-only", message, StringComparison.Ordinal));
        Assert.Contains("184 days", refusals[3], StringComparison.Ordinal);
        Assert.False(broken!["verified"]!.GetValue<bool>());
        Assert.Equal(seq, broken["brokenAt"]!.GetValue<long>());
        Assert.Contains("changed", broken["problem"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(mended!["verified"]!.GetValue<bool>(), mended.ToJsonString());
    }

    [Fact]
    public async Task The_office_exports_an_items_trail_as_a_spreadsheet_reads_it()
    {
        // Arrange: an item registered and corrected with a reason that holds a formula (the summary's cell
        // starts with its text, so the formula stays text; a cell that starts with one is defused, unit-tested)
        var id = (await platform.Gateway.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        await platform.Gateway.GetWhenPresentAsync($"/api/replies/{id}");
        using var corrected = await platform.Gateway.PostAsJsonAsync($"/api/intake/proposals/{id}/corrections", new { reason = "=cmd|' /C calc'!A0", title = "关于加快综合保税区建设的建议（更正）" });
        Assert.True(corrected.IsSuccessStatusCode, await corrected.Content.ReadAsStringAsync());
        await Eventually.Until(
            () => platform.Gateway.GetFromJsonAsync<JsonObject>($"/api/audit/records?itemId={id}"),
            page => page!["total"]!.GetValue<long>() >= 2,
            "the item's two records");

        // Act
        using var export = await platform.Gateway.GetAsync($"/api/audit/records/export?itemId={id}");
        using var invalid = await platform.Gateway.GetAsync("/api/audit/records?outcome=Whatever&pageSize=0");
        using var notOffice = await platform.Handler.GetAsync($"/api/audit/records?itemId={id}");

        // Assert: Chinese headers, the item's two writes in their order, no cell a spreadsheet would run
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("\"序号\",\"时间\",", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Count);
        Assert.Contains(",\"RegisterProposal\",", lines[1], StringComparison.Ordinal);
        Assert.Contains(",\"CorrectProposal\",", lines[2], StringComparison.Ordinal);
        Assert.Contains("reason: =cmd|' /C calc'!A0", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(lines.SelectMany(l => l.Split("\",\"")), cell => cell.TrimStart('"').Length > 0 && cell.TrimStart('"')[0] is '=' or '+' or '@');
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.ReadJsonAsync();
        Assert.NotNull(problem["errors"]!["outcome"]);
        Assert.NotNull(problem["errors"]!["pageSize"]);
        Assert.Equal(HttpStatusCode.Forbidden, notOffice.StatusCode);
    }

    [Fact]
    public async Task Administrators_acting_on_one_client_or_person_at_once_take_turns_and_the_change_is_recorded_once()
    {
        // Arrange: a client and a person, and an office client of the test's own
        var (officeId, officeSecret) = await platform.CreateClientAsync("HQ-OFFICE", PlatformRoles.ProposalOffice);
        using var office = platform.ClientWithSecret(officeId, officeSecret);
        var (clientId, _) = await platform.CreateClientAsync("HQ-STATISTICS", PlatformRoles.UnitHandler);
        var person = (await platform.CreatePersonAsync("HQ-STATISTICS", PlatformRoles.UnitHandler))["id"]!.GetValue<string>();

        // Act: eight revocations and eight disablings at once
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).SelectMany(_ => new[]
        {
            office.PostAsync($"/api/identity/clients/{clientId}/revoke", null),
            office.PostAsync($"/api/identity/people/{person}/disable", null),
        }));

        // Assert: every call answered 200; the trail has one revocation and one disabling, the ones that changed something
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        foreach (var (operation, what) in new[] { ("RevokeClient", clientId), ("DisablePerson", person) })
        {
            var page = await Eventually.Until(
                () => platform.Gateway.GetFromJsonAsync<JsonObject>($"/api/audit/records?operation={operation}&actor={officeId}"),
                p => p!["total"]!.GetValue<long>() >= 1,
                $"the record of {operation}");
            Assert.Single(page!["records"]!.AsArray(), r => r!["summary"]!.GetValue<string>().Contains(what, StringComparison.Ordinal));
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection database, string sql)
    {
        await using var command = new NpgsqlCommand(sql, database);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One call of a write operation: who made it, and on which item.</summary>
    private sealed record Call(string Operation, string ActorId, Guid? ItemId);

    /// <summary>The writes of the platform, each called by one of the test's own callers.</summary>
    private sealed class Script
    {
        /// <summary>A year of the holiday calendar no other test counts on.</summary>
        private const int AuditedCalendarYear = 2198;

        private readonly PlatformFixture _platform;
        private readonly int _number = Items.NextNumber();

        private Script(PlatformFixture platform) => _platform = platform;

        public List<Call> Calls { get; } = [];

        /// <summary>Each caller's name, by its id (a client's name is its unit and role).</summary>
        public Dictionary<string, string> Names { get; } = [];

        public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

        private (string Id, HttpClient Http) Office { get; set; }
        private (string Id, HttpClient Http) Handler { get; set; }
        private (string Id, HttpClient Http) Head { get; set; }
        private (string Id, HttpClient Http) CoHandler { get; set; }
        private (string Id, HttpClient Http) District { get; set; }

        public static async Task<Script> CreateAsync(PlatformFixture platform)
        {
            var script = new Script(platform);
            script.Office = await script.CallerAsync("HQ-OFFICE", PlatformRoles.ProposalOffice);
            script.Handler = await script.CallerAsync(PlatformFixture.LeadUnit, PlatformRoles.UnitHandler);
            script.Head = await script.CallerAsync(PlatformFixture.LeadUnit, PlatformRoles.UnitHead);
            script.CoHandler = await script.CallerAsync("HQ-TARIFF", PlatformRoles.UnitHandler);
            script.District = await script.CallerAsync("DIST-SHENZHEN", PlatformRoles.DistrictOfficer);
            return script;
        }

        private async Task<(string, HttpClient)> CallerAsync(string unit, string role)
        {
            var (id, secret) = await _platform.CreateClientAsync(unit, role);
            var http = _platform.ClientWithSecret(id, secret);
            var clients = await _platform.Gateway.GetFromJsonAsync<JsonArray>("/api/identity/clients");
            Names[id] = clients!.Single(c => c!["clientId"]!.GetValue<string>() == id)!["displayName"]!.GetValue<string>();
            return (id, http);
        }

        public async Task RunAsync()
        {
            var n = _number;
            var tomorrow = DateTimeOffset.UtcNow.Date.AddDays(1);

            // units and routing rules
            var unit = $"HQ-AUD{n}";
            await SendAsync("CreateUnit", Office, HttpMethod.Post, "/api/assignment/units", new { code = unit, name = "审计测试处", kind = "Department" });
            await SendAsync("UpdateUnit", Office, HttpMethod.Put, $"/api/assignment/units/{unit}", new { name = "审计测试二处", kind = "Department" });
            // a district's coverage replaced by what it was (the 42 districts stay as they are)
            var coverage = await _platform.Gateway.GetFromJsonAsync<JsonArray>("/api/assignment/units/DIST-GONGBEI/coverage");
            await SendAsync("ReplaceUnitCoverage", Office, HttpMethod.Put, "/api/assignment/units/DIST-GONGBEI/coverage",
                coverage!.Select(p => new { province = p!["province"]!.GetValue<string>(), city = p["city"]?.GetValue<string>() }).ToArray());
            var rule = await SendAsync("CreateRoutingRule", Office, HttpMethod.Post, "/api/assignment/rules", new { keyword = $"审计关键词{n}", unitCode = unit, priority = 1 });
            var ruleId = rule["id"]!.GetValue<int>();
            await SendAsync("UpdateRoutingRule", Office, HttpMethod.Put, $"/api/assignment/rules/{ruleId}", new { keyword = $"审计关键词{n}", unitCode = unit, priority = 2 });
            await SendAsync("DeleteRoutingRule", Office, HttpMethod.Delete, $"/api/assignment/rules/{ruleId}", null);

            // the holiday calendar: a year of its own put, a day added to it and removed
            var year = AuditedCalendarYear;
            await SendAsync("ReplaceCalendarYear", Office, HttpMethod.Put, $"/api/assignment/calendar/{year}",
                new { source = $"审计测试{n}", days = new[] { new { date = $"{year}-01-01", kind = "Holiday", name = "元旦" } } });
            await SendAsync("SetCalendarDay", Office, HttpMethod.Put, $"/api/assignment/calendar/days/{year}-01-02", new { kind = "Holiday", name = "元旦" });
            await SendAsync("RemoveCalendarDay", Office, HttpMethod.Delete, $"/api/assignment/calendar/days/{year}-01-02", null);

            // an item: registered, corrected, co-handled, extended
            var id = await RegisterAsync(Items.Suggestion(n));
            await _platform.Gateway.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
            await SendAsync("CorrectProposal", Office, HttpMethod.Post, $"/api/intake/proposals/{id}/corrections", new { reason = "标题有误", title = "关于加快综合保税区建设的建议（审计）" }, id);
            await SendAsync("AddCoHandler", Office, HttpMethod.Post, $"/api/assignment/assignments/{id}/co-handlers", new { unitCode = "HQ-TARIFF", reason = "涉及关税" }, id);
            await _platform.Gateway.GetWhenPresentAsync($"/api/replies/{id}", r => r["opinions"]!.AsArray().Count == 1);
            await SendAsync("SubmitCoHandlingOpinion", CoHandler, HttpMethod.Post, $"/api/assignment/assignments/{id}/co-handlers/HQ-TARIFF/opinion", new { opinion = "同意。" }, id);
            // past three months, an extension rests on the unit's explanation of the progress to the submitter
            await SendAsync("RecordProgressExplanation", Handler, HttpMethod.Post, $"/api/assignment/assignments/{id}/progress-explanations",
                new { channel = "Phone", explainedOn = Items.BeijingToday(), account = "已电话告知代表办理进展" }, id);
            await SendAsync("ExtendDeadline", Office, HttpMethod.Post, $"/api/assignment/assignments/{id}/extend", new { months = 1, reason = "需要调研" }, id);

            // contacts: planned, rescheduled and done; planned and cancelled; entrusted, scheduled and reported; recorded
            var planned = await SendAsync("PlanContact", Handler, HttpMethod.Post, $"/api/contacts/tasks/{id}/plans",
                new { channel = "Phone", plannedStart = tomorrow.AddHours(1), plannedEnd = tomorrow.AddHours(2), handler = "审计员" }, id);
            var plannedId = planned["id"]!.GetValue<Guid>();
            await SendAsync("RescheduleContact", Handler, HttpMethod.Post, $"/api/contacts/{plannedId}/reschedule",
                new { plannedStart = tomorrow.AddHours(3), plannedEnd = tomorrow.AddHours(4), reason = "代表出差" }, id);
            await SendAsync("RecordContactOutcome", Handler, HttpMethod.Post, $"/api/contacts/{plannedId}/outcome", new { outcome = "ReachedAndAgreed", notes = "已沟通" }, id);
            var second = await SendAsync("PlanContact", Handler, HttpMethod.Post, $"/api/contacts/tasks/{id}/plans",
                new { channel = "Video", plannedStart = tomorrow.AddHours(5), plannedEnd = tomorrow.AddHours(6), handler = "审计员" }, id);
            await SendAsync("CancelContact", Handler, HttpMethod.Post, $"/api/contacts/{second["id"]!.GetValue<Guid>()}/cancel", new { reason = "无需再谈" }, id);
            var visit = await SendAsync("PlanContact", Handler, HttpMethod.Post, $"/api/contacts/tasks/{id}/plans",
                new { channel = "EntrustedVisit", plannedStart = tomorrow.AddHours(7), plannedEnd = tomorrow.AddHours(8) }, id);
            var visitId = visit["id"]!.GetValue<Guid>();
            await SendAsync("ScheduleEntrustedVisit", District, HttpMethod.Post, $"/api/contacts/entrusted/{visitId}/schedule",
                new { plannedStart = tomorrow.AddHours(9), plannedEnd = tomorrow.AddHours(10), visitor = "深圳海关 审计员" }, id);
            await SendAsync("ReportEntrustedVisit", District, HttpMethod.Post, $"/api/contacts/entrusted/{visitId}/report",
                new { outcome = "ReachedAndAgreed", report = "走访完成", occurredAt = DateTimeOffset.UtcNow }, id);
            await SendAsync("RecordContact", Handler, HttpMethod.Post, $"/api/contacts/tasks/{id}/contacts", Items.Contact(DateTimeOffset.UtcNow), id);

            // the reply: drafted, signed off, issued, answered
            await _platform.Gateway.GetWhenPresentAsync($"/api/replies/{id}", r => r["contactCompleted"]!.GetValue<bool>() && r["opinions"]!.AsArray().All(o => o!["submitted"]!.GetValue<bool>()));
            var draft = await SendAsync("SaveDraft", Handler, HttpMethod.Put, $"/api/replies/{id}/draft", new { text = "关于您提出的建议，答复如下：……" }, id);
            var version = draft["version"]!.GetValue<int>();
            await SendAsync("RecordSignOff", Handler, HttpMethod.Post, $"/api/replies/{id}/sign-offs", new { draftVersion = version, step = "Handler", decision = "Approve" }, id);
            await SendAsync("RecordSignOff", Head, HttpMethod.Post, $"/api/replies/{id}/sign-offs", new { draftVersion = version, step = "UnitHead", decision = "Approve", publication = "FullText" }, id);
            await SendAsync("IssueReply", Handler, HttpMethod.Post, $"/api/replies/{id}/issue", Items.Issue("A"), id);
            await SendAsync("RecordFeedback", Handler, HttpMethod.Post, $"/api/replies/{id}/feedback", new { onResult = "Satisfied", onAttitude = "Satisfied" }, id);

            // two more items: one reassigned, one returned
            var reassigned = await RegisterAsync(Items.Suggestion(n + 1_000_000));
            var returned = await RegisterAsync(Items.Suggestion(n + 2_000_000));
            await _platform.Gateway.GetWhenPresentAsync($"/api/replies/{reassigned}");
            await _platform.Gateway.GetWhenPresentAsync($"/api/replies/{returned}");
            await SendAsync("ReassignProposal", Office, HttpMethod.Post, $"/api/assignment/assignments/{reassigned}/reassign", new { unitCode = "HQ-PORTS", reason = "职能调整" }, reassigned);
            await SendAsync("ReturnProposal", Office, HttpMethod.Post, $"/api/assignment/assignments/{returned}/return", new { reason = "不属于本部门职责" }, returned);

            // a batch
            await SendAsync("SubmitBatch", Office, HttpMethod.Post, "/api/intake/batches",
                new { batchReference = $"审计批次{n}", assignedAt = "2020-04-01", items = new[] { Items.Suggestion(n + 3_000_000) } });

            // similar items: three near-identical suggestions, one pair confirmed, another dismissed
            var sessionYear = 2017;
            var text = $"建议海关总署支持审计市{n}设立综合保税区，促进加工贸易转型升级，扩大对外开放，带动当地就业和产业发展。";
            var first = await RegisterAsync(IntakeItems.Item(sessionYear, Items.NextNumber(), $"关于在审计市{n}设立综合保税区的建议", text));
            await RegisterAsync(IntakeItems.Item(sessionYear, Items.NextNumber(), $"关于支持审计市{n}设立综合保税区的建议", text));
            await RegisterAsync(IntakeItems.Item(sessionYear, Items.NextNumber(), $"关于审计市{n}设立综合保税区的建议", text));
            var pairs = await Eventually.Until(
                () => _platform.Gateway.GetFromJsonAsync<JsonArray>($"/api/intake/proposals/{first}/similar"),
                found => found!.Count >= 2,
                "the pairs of the similar items");
            await SendAsync("ConfirmSimilarPair", Office, HttpMethod.Post, $"/api/intake/similar/{pairs![0]!["pairId"]!.GetValue<Guid>()}/confirm", new { note = "并案" });
            await SendAsync("DismissSimilarPair", Office, HttpMethod.Post, $"/api/intake/similar/{pairs[1]!["pairId"]!.GetValue<Guid>()}/dismiss", new { note = "不同" });
            Guid[] merged = [first, pairs[0]!["proposalId"]!.GetValue<Guid>()];
            await SendAsync("ConfirmSimilarCluster", Office, HttpMethod.Post, "/api/intake/similar/confirm", new { proposalIds = merged, note = "并案" });

            // merged handling: a group formed, an item taken out (which ends a group of two); another formed and dissolved
            await Task.WhenAll(merged.Select(m => _platform.Gateway.GetWhenPresentAsync($"/api/replies/{m}")));
            var group = await SendAsync("FormHandlingGroup", Office, HttpMethod.Post, "/api/replies/groups", new { leadProposalId = merged[0], proposalIds = merged }, merged[0]);
            await SendAsync("RemoveItemFromHandlingGroup", Office, HttpMethod.Delete, $"/api/replies/groups/{group["groupId"]!.GetValue<Guid>()}/items/{merged[1]}?reason=内容有别", null, merged[1]);
            var again = await SendAsync("FormHandlingGroup", Office, HttpMethod.Post, "/api/replies/groups", new { leadProposalId = merged[0], proposalIds = merged }, merged[0]);
            await SendAsync("DissolveHandlingGroup", Office, HttpMethod.Delete, $"/api/replies/groups/{again["groupId"]!.GetValue<Guid>()}", null, merged[0]);

            // people and clients
            var person = await SendAsync("CreatePerson", Office, HttpMethod.Post, "/api/identity/people",
                new { userName = $"audit{n}", displayName = "审计测试员", unitCode = "HQ-STATISTICS", roles = new[] { PlatformRoles.UnitHandler } });
            var personId = person["id"]!.GetValue<string>();
            await SendAsync("DisablePerson", Office, HttpMethod.Post, $"/api/identity/people/{personId}/disable", null);
            await SendAsync("EnablePerson", Office, HttpMethod.Post, $"/api/identity/people/{personId}/enable", null);
            await SendAsync("ResetPassword", Office, HttpMethod.Post, $"/api/identity/people/{personId}/password", null);
            await SendAsync("SetPersonEmail", Office, HttpMethod.Put, $"/api/identity/people/{personId}/email", new { email = $"audit{n}@customs.gov.cn" });
            var client = await SendAsync("CreateClient", Office, HttpMethod.Post, "/api/identity/clients",
                new { displayName = "审计测试客户端", unitCode = "HQ-STATISTICS", roles = new[] { PlatformRoles.UnitHandler } });
            await SendAsync("RevokeClient", Office, HttpMethod.Post, $"/api/identity/clients/{client["clientId"]!.GetValue<string>()}/revoke", null);
        }

        private async Task<Guid> RegisterAsync(JsonObject item) =>
            (await SendAsync("RegisterProposal", Office, HttpMethod.Post, "/api/intake/proposals", item))["id"]!.GetValue<Guid>() is var id
                ? Noted(id)
                : default;

        /// <summary>The item a registration made, noted on its call.</summary>
        private Guid Noted(Guid id)
        {
            Calls[^1] = Calls[^1] with { ItemId = id };
            return id;
        }

        private async Task<JsonNode> SendAsync(string operation, (string Id, HttpClient Http) caller, HttpMethod method, string path, object? body, Guid? itemId = null)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Content = body is null ? new StringContent("", Encoding.UTF8, "application/json") : JsonContent.Create(body);
            using var response = await caller.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{operation} {method} {path} answered {(int)response.StatusCode}: {text}");
            Calls.Add(new Call(operation, caller.Id, itemId));
            return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject();
        }
    }
}
