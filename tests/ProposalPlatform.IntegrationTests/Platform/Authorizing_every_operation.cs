using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The authorization matrix: every operation of the five OpenAPI documents, read at test time (so an
/// operation added without a row here fails), called by every role — and by a second unit or district
/// of the same role — through the gateway and straight at the service that owns it. A caller the
/// domain does not allow gets 401, 403 or 404 and nothing of the item; one it allows is not refused.
/// Leaks (a 2xx where a refusal was due, or the item's title or the submitter's phone in a body the
/// caller may not read) are counted, and must be none.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Authorizing_every_operation(PlatformFixture platform)
{
    /// <summary>Who calls, relative to the item the matrix works on (led by HQ-FTZ, co-handled by HQ-TARIFF, a visit entrusted to Shenzhen).</summary>
    public enum Who
    {
        Office,
        LeadHandler,
        LeadHead,
        CoHandler,
        OtherHandler,
        OtherHead,
        District,
        OtherDistrict,
        Ops,
        Anonymous,
    }

    private static readonly Who[] Everyone = Enum.GetValues<Who>();
    private static readonly Who[] ItemReaders = [Who.Office, Who.LeadHandler, Who.LeadHead, Who.CoHandler];
    private static readonly Who[] LeadUnit = [Who.LeadHandler, Who.LeadHead];
    private static readonly Who[] Headquarters = [Who.Office, Who.LeadHandler, Who.LeadHead, Who.CoHandler, Who.OtherHandler, Who.OtherHead];
    private static readonly Who[] Staff = [.. Headquarters, Who.District, Who.OtherDistrict];
    private static readonly Who[] OfficeOnly = [Who.Office];

    /// <summary>One row per operation: who may call it, and what a call sends (path with its ids, query, body).</summary>
    private sealed record Row(Who[] Allowed, string? Query = null, Func<Fixture, object?>? Body = null, string? PathOverride = null);

    private static readonly Dictionary<string, Row?> Rows = new()
    {
        // intake
        ["SubmitBatch"] = new(OfficeOnly, Body: f => new { batchReference = $"矩阵批次{f.Number}", assignedAt = "2020-04-01", items = new[] { f.NewItem(1) } }),
        ["GetBatch"] = new(OfficeOnly),
        ["FindBatch"] = new(OfficeOnly, Query: $"reference=matrix&contentHash={new string('0', 64)}"),
        ["RegisterProposal"] = new([Who.Office, Who.District, Who.OtherDistrict], Body: f => f.NewItem(2)),
        ["GetProposal"] = new(ItemReaders),
        ["GetItemStory"] = new(ItemReaders),
        // reporting: a unit or district sees its own figures (none of the item's content), operations staff none
        ["GetAnnualStatistics"] = new(Staff, Query: "year=2020"),
        ["GetUnitScores"] = new(Staff, Query: "year=2020"),
        ["ExportAnnualStatistics"] = new(Staff, Query: "year=2020"),
        ["ExportUnitScores"] = new(Staff, Query: "year=2020"),
        ["ListProposals"] = new(Staff, Query: "pageSize=200"),
        // the register as CSV, so that a title a caller may not see would show in the body
        ["ExportProposals"] = new(Staff, Query: "format=csv"),
        ["CorrectProposal"] = new(OfficeOnly, Body: _ => new { reason = "越权更正", title = "被篡改的标题" }),
        ["ListProposalVersions"] = new(ItemReaders),
        ["ListItemsSimilarToItem"] = new(ItemReaders),
        ["ListSimilarPairs"] = new(OfficeOnly),
        ["ConfirmSimilarPair"] = new(OfficeOnly, Body: _ => new { note = "越权" }),
        ["DismissSimilarPair"] = new(OfficeOnly, Body: _ => new { note = "越权" }),
        ["ConfirmSimilarCluster"] = new(OfficeOnly, Body: f => new { proposalIds = new[] { f.ItemId, Guid.NewGuid() }, note = "越权" }),

        // assignment
        ["GetAssignment"] = new(ItemReaders),
        ["GetAssignmentHistory"] = new(ItemReaders),
        ["ReassignProposal"] = new(OfficeOnly, Body: _ => new { unitCode = "HQ-PORTS", reason = "越权改派" }),
        ["ReturnProposal"] = new(OfficeOnly, Body: _ => new { reason = "越权退回" }),
        ["ExtendDeadline"] = new(OfficeOnly, Body: _ => new { months = 1, reason = "越权延期" }),
        ["RecordProgressExplanation"] = new(LeadUnit, Body: _ => new { channel = "Phone", explainedOn = Items.BeijingToday(), account = "越权说明" }),
        ["ListCalendarYears"] = new(Headquarters),
        ["GetCalendarYear"] = new(Headquarters),
        ["ReplaceCalendarYear"] = new(OfficeOnly, Body: _ => new { source = "越权通知", days = new[] { new { date = $"{Fixture.CalendarYear}-05-01", kind = "Holiday", name = "越权" } } }),
        ["SetCalendarDay"] = new(OfficeOnly, Body: _ => new { kind = "MakeUpWorkday", name = "越权" }),
        ["RemoveCalendarDay"] = new(OfficeOnly),
        ["AddCoHandler"] = new(OfficeOnly, Body: _ => new { unitCode = "HQ-HEALTH", reason = "越权会办" }),
        ["SubmitCoHandlingOpinion"] = new([Who.CoHandler], Body: _ => new { opinion = "越权意见" }),
        ["ListDeadlinesDueSoon"] = new(Headquarters, Query: "days=366&limit=5000"),
        ["ListOverdueDeadlines"] = new(Headquarters),
        ["ListRoutingRules"] = new(Headquarters),
        ["GetRoutingRule"] = new(Headquarters),
        ["CreateRoutingRule"] = new(OfficeOnly, Body: f => new { keyword = $"越权{f.Number}", unitCode = "HQ-PORTS", priority = 1 }),
        ["UpdateRoutingRule"] = new(OfficeOnly, Body: f => new { keyword = $"越权{f.Number}", unitCode = "HQ-PORTS", priority = 1 }),
        ["DeleteRoutingRule"] = new(OfficeOnly),
        ["DryRunRoutingRules"] = new(OfficeOnly, Body: f => new { add = new[] { new { keyword = $"越权{f.Number}", unitCode = "HQ-PORTS", priority = 1 } } }),
        ["RouteItem"] = new(OfficeOnly, Body: _ => new { topic = "综合保税区", tags = Array.Empty<string>() }),
        ["ListUnits"] = new(Staff),
        ["FindDistrictForPlace"] = new(Staff, Query: "province=广东省&city=深圳市"),
        ["GetUnit"] = new(Staff),
        ["CreateUnit"] = new(OfficeOnly, Body: f => new { code = $"HQ-X{f.Number}", name = "越权单位", kind = "Department" }),
        ["UpdateUnit"] = new(OfficeOnly, Body: _ => new { name = "越权改名", kind = "District" }),
        ["GetUnitCoverage"] = new(Staff),
        ["ReplaceUnitCoverage"] = new(OfficeOnly, Body: _ => new[] { new { province = "西藏自治区", city = (string?)null } }),

        // contact scheduling
        ["GetContactTask"] = new([Who.Office, .. LeadUnit]),
        ["ListContacts"] = new([Who.Office, .. LeadUnit]),
        ["PlanContact"] = new(LeadUnit, Body: f => new { channel = "Phone", plannedStart = f.Tomorrow.AddHours(5), plannedEnd = f.Tomorrow.AddHours(6), handler = "越权者" }),
        ["RecordContact"] = new(LeadUnit, Body: _ => new { channel = "Phone", occurredAt = DateTimeOffset.UtcNow, outcome = "ReachedAndAgreed", handler = "越权者" }),
        ["GetContact"] = new([Who.Office, .. LeadUnit]),
        ["RescheduleContact"] = new(LeadUnit, Body: f => new { plannedStart = f.Tomorrow.AddHours(7), plannedEnd = f.Tomorrow.AddHours(8), reason = "越权改期" }),
        ["CancelContact"] = new(LeadUnit, Body: _ => new { reason = "越权取消" }),
        ["RecordContactOutcome"] = new(LeadUnit, Body: _ => new { outcome = "ReachedAndAgreed", notes = "越权记录" }),
        ["ListEntrustedVisits"] = new([Who.Office, Who.District], Query: "district=DIST-SHENZHEN"),
        ["ScheduleEntrustedVisit"] = new([Who.District], Body: f => new { plannedStart = f.Tomorrow.AddHours(9), plannedEnd = f.Tomorrow.AddHours(10), visitor = "越权者" }),
        ["ReportEntrustedVisit"] = new([Who.District], Body: _ => new { outcome = "ReachedAndAgreed", report = "越权报告" }),

        // reply
        ["GetReply"] = new(ItemReaders),
        ["GetReplyLetter"] = new(ItemReaders),
        ["GetPublicReplyLetter"] = new(ItemReaders),
        ["ListFollowUps"] = new(Headquarters),
        // a unit's lists, asked for the lead unit's: its own staff and the office
        ["ListSignOffQueue"] = new([Who.Office, Who.LeadHandler, Who.LeadHead], Query: $"unitCode={PlatformFixture.LeadUnit}"),
        ["GetWorklist"] = new([Who.Office, Who.LeadHandler, Who.LeadHead], Query: $"unit={PlatformFixture.LeadUnit}"),
        ["ListNotifications"] = new([Who.Office, Who.LeadHandler, Who.LeadHead], Query: $"unit={PlatformFixture.LeadUnit}"),
        ["GetContactCalendar"] = new([Who.Office, Who.LeadHandler, Who.LeadHead], Query: $"from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z&unit={PlatformFixture.LeadUnit}"),
        ["SaveDraft"] = new(LeadUnit, Body: _ => new { text = "越权草稿" }),
        ["RecordSignOff"] = new([Who.LeadHandler], Body: _ => new { draftVersion = 1, step = "Handler", decision = "Approve" }),
        ["IssueReply"] = new(LeadUnit, Body: _ => Items.Issue("A")),
        ["RecordFeedback"] = new(LeadUnit, Body: _ => new { onResult = "Satisfied", onAttitude = "Satisfied" }),
        // merged handling: the office forms and changes groups; a unit lists its own
        ["FormHandlingGroup"] = new(OfficeOnly, Body: f => new { leadProposalId = f.ItemId, proposalIds = new[] { f.ItemId, Guid.NewGuid() } }),
        ["ListOpenHandlingGroups"] = new(Staff),
        ["GetHandlingGroup"] = new(ItemReaders),
        ["RemoveItemFromHandlingGroup"] = new(OfficeOnly),
        ["DissolveHandlingGroup"] = new(OfficeOnly),

        // identity administration
        ["CreatePerson"] = new(OfficeOnly, Body: f => new { userName = $"intruder{f.Number}", displayName = "越权者", unitCode = "HQ-OFFICE", roles = new[] { "ProposalOffice" } }),
        ["ListPeople"] = new(OfficeOnly),
        ["GetPerson"] = new(OfficeOnly),
        ["DisablePerson"] = new(OfficeOnly),
        ["EnablePerson"] = new(OfficeOnly),
        ["ResetPassword"] = new(OfficeOnly),
        ["SetPersonEmail"] = new(OfficeOnly, Body: _ => new { email = "intruder@customs.gov.cn" }),
        ["CreateClient"] = new(OfficeOnly, Body: _ => new { displayName = "越权客户端", unitCode = "HQ-OFFICE", roles = new[] { "ProposalOffice" } }),
        ["ListClients"] = new(OfficeOnly),
        ["RevokeClient"] = new(OfficeOnly),

        // the audit trail
        ["ListAuditRecords"] = new(OfficeOnly),
        ["ExportAuditRecords"] = new(OfficeOnly),
        ["VerifyAuditChain"] = new(OfficeOnly),

        // the protocol's own endpoints, for callers without a token yet: not the matrix's
        ["Authorize"] = null,
        ["AuthorizePost"] = null,
        ["Token"] = null,
        ["EndSession"] = null,
        ["EndSessionPost"] = null,
        ["UserInfo"] = null,
        ["UserInfoPost"] = null,
    };

    private static readonly (string Document, string Service)[] Documents =
    [
        ("intake", ResourceNames.Intake),
        ("assignment", ResourceNames.Assignment),
        ("contactscheduling", ResourceNames.ContactScheduling),
        ("reply", ResourceNames.Reply),
        ("identity", ResourceNames.Identity),
        ("audit", ResourceNames.Audit),
        ("reporting", ResourceNames.Reporting),
        ("notifications", ResourceNames.Notifications),
    ];

    [Fact]
    public async Task No_caller_reaches_what_is_not_theirs_through_the_gateway_or_around_it()
    {
        // Arrange: the item and its records, and a client of every role
        var fixture = await Fixture.CreateAsync(platform);
        var callers = await CallersAsync();
        var operations = new List<(string Service, string Method, string Path, string OperationId)>();
        foreach (var (document, service) in Documents)
        {
            var openApi = await platform.Gateway.GetFromJsonAsync<JsonObject>($"/openapi/{document}/v1.json");
            foreach (var (path, item) in openApi!["paths"]!.AsObject())
            {
                foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "delete" or "patch"))
                {
                    operations.Add((service, method.ToUpperInvariant(), path, operation!["operationId"]?.GetValue<string>() ?? $"{method} {path}"));
                }
            }
        }

        // every operation has its row, and every row its operation
        var missing = operations.Select(o => o.OperationId).Where(id => !Rows.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, $"Operations without a row in the matrix: {string.Join(", ", missing)}");
        Assert.Empty(Rows.Keys.Except(operations.Select(o => o.OperationId)));

        // Act: every operation, by every caller, through the gateway and at the service's own port
        var leaks = new List<string>();
        var wronglyRefused = new List<string>();
        var calls = 0;
        foreach (var (service, method, template, operationId) in operations)
        {
            if (Rows[operationId] is not { } row)
            {
                continue;
            }

            foreach (var who in Everyone)
            {
                var allowed = row.Allowed.Contains(who);
                // an allowed caller's write would change the item under the other rows: its reads are enough here
                if (allowed && method != "GET")
                {
                    continue;
                }

                foreach (var (entrance, http) in new[] { ("gateway", callers[who].Gateway), ("direct", callers[who].Direct(service)) })
                {
                    var path = fixture.Fill(template, operationId) + (row.Query is null ? "" : "?" + row.Query);
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (row.Body?.Invoke(fixture) is { } body)
                    {
                        request.Content = JsonContent.Create(body);
                    }

                    using var response = await http.SendAsync(request);
                    calls++;
                    var text = await response.Content.ReadAsStringAsync();
                    var what = $"{who} {method} {path} ({entrance}) → {(int)response.StatusCode}";
                    if (!allowed && response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                    {
                        leaks.Add($"{what}: {Trim(text)}");
                    }
                    else if (allowed && response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    {
                        wronglyRefused.Add($"{what}: {Trim(text)}");
                    }

                    if (!ItemReaders.Contains(who) && fixture.Reveals(text))
                    {
                        leaks.Add($"{what} shows the item: {Trim(text)}");
                    }

                    if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
                    {
                        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what} is no ProblemDetails: {Trim(text)}");
                    }
                }
            }
        }

        // Assert
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks in {calls} calls:\n{string.Join("\n", leaks)}");
        Assert.True(wronglyRefused.Count == 0, $"{wronglyRefused.Count} allowed calls refused:\n{string.Join("\n", wronglyRefused)}");
        Assert.True(calls > 500, $"only {calls} calls were made");
        await fixture.AssertUnchangedAsync();
    }

    private async Task<Dictionary<Who, Callers>> CallersAsync()
    {
        async Task<Callers> Client(string unit, string role)
        {
            var (id, secret) = await platform.CreateClientAsync(unit, role);
            return new Callers(platform, address => platform.ClientWithSecret(id, secret, address));
        }

        var (officeId, officeSecret) = platform.OfficeClientCredentials;
        return new Dictionary<Who, Callers>
        {
            [Who.Office] = new(platform, address => platform.ClientWithSecret(officeId, officeSecret, address)),
            [Who.LeadHandler] = await Client(PlatformFixture.LeadUnit, PlatformRoles.UnitHandler),
            [Who.LeadHead] = await Client(PlatformFixture.LeadUnit, PlatformRoles.UnitHead),
            [Who.CoHandler] = await Client("HQ-TARIFF", PlatformRoles.UnitHandler),
            [Who.OtherHandler] = await Client("HQ-PORTS", PlatformRoles.UnitHandler),
            [Who.OtherHead] = await Client("HQ-PORTS", PlatformRoles.UnitHead),
            [Who.District] = await Client("DIST-SHENZHEN", PlatformRoles.DistrictOfficer),
            [Who.OtherDistrict] = await Client("DIST-GUANGZHOU", PlatformRoles.DistrictOfficer),
            [Who.Ops] = await Client("HQ-OPS", PlatformRoles.Ops),
            [Who.Anonymous] = new(platform, address => new HttpClient { BaseAddress = address }),
        };
    }

    private static string Trim(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>One caller's clients: through the gateway, and straight at each service's port.</summary>
    private sealed class Callers(PlatformFixture platform, Func<Uri, HttpClient> client)
    {
        private readonly Dictionary<string, HttpClient> _direct = [];

        public HttpClient Gateway { get; } = client(platform.GatewayAddress);

        public HttpClient Direct(string service)
        {
            if (!_direct.TryGetValue(service, out var http))
            {
                _direct[service] = http = client(platform.App.GetEndpoint(service, "http"));
            }

            return http;
        }
    }

    /// <summary>The item the matrix works on, and the ids its paths take.</summary>
    private sealed class Fixture
    {
        private const string Phone = "13766665555";

        /// <summary>A year of the holiday calendar the matrix puts for itself, with <see cref="CalendarDay"/> in it, so that a write let through would show.</summary>
        public const int CalendarYear = 2199;

        private const string CalendarDay = "2199-01-02";

        public required int Number { get; init; }
        public required string Title { get; init; }
        public required Guid ItemId { get; init; }
        public required Guid ContactId { get; init; }
        public required Guid EntrustedId { get; init; }
        public required string PersonId { get; init; }
        public required string ClientId { get; init; }
        public required int RuleId { get; init; }
        public required PlatformFixture Platform { get; init; }

        public DateTimeOffset Tomorrow { get; } = DateTimeOffset.UtcNow.Date.AddDays(1);

        public static async Task<Fixture> CreateAsync(PlatformFixture platform)
        {
            var number = Items.NextNumber();
            var item = Items.Suggestion(number);
            var title = $"关于矩阵测试{number}的建议";
            item["title"] = title;
            item["leadSubmitter"]!["phone"] = Phone;
            var id = (await platform.Gateway.RegisterAsync(item))["id"]!.GetValue<Guid>();
            await platform.Handler.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
            using (var coHandler = await platform.Gateway.PostAsJsonAsync($"/api/assignment/assignments/{id}/co-handlers", new { unitCode = "HQ-TARIFF", reason = "涉及关税" }))
            {
                Assert.True(coHandler.IsSuccessStatusCode, await coHandler.Content.ReadAsStringAsync());
            }

            var at = DateTimeOffset.UtcNow.Date.AddDays(3).AddHours(1);
            var contact = await PlanAsync(platform, id, new { channel = "Video", plannedStart = at, plannedEnd = at.AddHours(1), handler = $"矩阵{number}" });
            var entrusted = await PlanAsync(platform, id, new { channel = "EntrustedVisit", plannedStart = at.AddHours(2), plannedEnd = at.AddHours(3) });
            var person = await platform.CreatePersonAsync("HQ-STATISTICS", PlatformRoles.UnitHandler);
            var (clientId, _) = await platform.CreateClientAsync("HQ-STATISTICS", PlatformRoles.UnitHandler);
            var rules = await platform.Gateway.GetFromJsonAsync<JsonArray>("/api/assignment/rules");
            using (var year = await platform.Gateway.PutAsJsonAsync($"/api/assignment/calendar/{CalendarYear}",
                       new { source = "矩阵测试", days = new[] { new { date = CalendarDay, kind = "Holiday", name = "元旦" } } }))
            {
                Assert.True(year.IsSuccessStatusCode, await year.Content.ReadAsStringAsync());
            }

            // the item's facts reach every service before the matrix starts
            await platform.Gateway.GetWhenPresentAsync($"/api/intake/proposals/{id}", p => p["coHandlerUnitCodes"]!.AsArray().Count == 1);
            await platform.Gateway.GetWhenPresentAsync($"/api/reporting/items/{id}/story", s => s.ToJsonString().Contains("HQ-TARIFF", StringComparison.Ordinal));
            await platform.Gateway.GetWhenPresentAsync($"/api/replies/{id}", r => r["opinions"]!.AsArray().Count == 1);
            return new Fixture
            {
                Number = number,
                Title = title,
                ItemId = id,
                ContactId = contact,
                EntrustedId = entrusted,
                PersonId = person["id"]!.GetValue<string>(),
                ClientId = clientId,
                RuleId = rules![0]!["id"]!.GetValue<int>(),
                Platform = platform,
            };
        }

        private static async Task<Guid> PlanAsync(PlatformFixture platform, Guid id, object plan)
        {
            using var response = await platform.Handler.PostAsJsonAsync($"/api/contacts/tasks/{id}/plans", plan);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
        }

        public JsonObject NewItem(int offset)
        {
            var item = Items.Suggestion(Number + 500_000 + offset);
            item["title"] = "越权登记的建议";
            return item;
        }

        /// <summary>The path with the matrix's ids in place of its parameters.</summary>
        public string Fill(string template, string operationId)
        {
            var contact = operationId.Contains("Entrusted", StringComparison.Ordinal) ? EntrustedId : ContactId;
            var id = operationId switch
            {
                "GetBatch" => Guid.NewGuid().ToString(),
                "GetPerson" or "DisablePerson" or "EnablePerson" or "ResetPassword" => PersonId,
                _ => ItemId.ToString(),
            };
            return new StringBuilder(template)
                .Replace("{proposalId}", ItemId.ToString())
                .Replace("{id}", template.StartsWith("/api/assignment/rules", StringComparison.Ordinal) ? RuleId.ToString(System.Globalization.CultureInfo.InvariantCulture) : id)
                .Replace("{contactId}", contact.ToString())
                .Replace("{pairId}", Guid.NewGuid().ToString())
                .Replace("{groupId}", Guid.NewGuid().ToString())
                .Replace("{code}", PlatformFixture.LeadUnit)
                .Replace("{unitCode}", "HQ-TARIFF")
                .Replace("{clientId}", ClientId)
                .Replace("{year}", CalendarYear.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("{date}", CalendarDay)
                .ToString();
        }

        /// <summary>True when a body shows what only the item's readers may see.</summary>
        public bool Reveals(string body) =>
            body.Contains(Title, StringComparison.Ordinal) || body.Contains(Phone, StringComparison.Ordinal);

        /// <summary>Nothing the refused callers sent changed the item.</summary>
        public async Task AssertUnchangedAsync()
        {
            var office = Platform.Gateway;
            var proposal = await office.GetFromJsonAsync<JsonObject>($"/api/intake/proposals/{ItemId}");
            Assert.Equal(Title, proposal!["title"]!.GetValue<string>());
            var assignment = await office.GetFromJsonAsync<JsonObject>($"/api/assignment/assignments/{ItemId}");
            Assert.Equal(PlatformFixture.LeadUnit, assignment!["unitCode"]!.GetValue<string>());
            Assert.Equal("Assigned", assignment["status"]!.GetValue<string>());
            Assert.Single(assignment["coHandlers"]!.AsArray());
            Assert.Empty(assignment["extensions"]!.AsArray());
            Assert.Empty(assignment["progressExplanations"]!.AsArray());
            var calendar = await office.GetFromJsonAsync<JsonObject>($"/api/assignment/calendar/{CalendarYear}");
            Assert.Equal("矩阵测试", calendar!["source"]!.GetValue<string>());
            Assert.Equal([(CalendarDay, "Holiday")], calendar["days"]!.AsArray().Select(d => (d!["date"]!.GetValue<string>(), d["kind"]!.GetValue<string>())));
            var reply = await office.GetFromJsonAsync<JsonObject>($"/api/replies/{ItemId}");
            Assert.Empty(reply!["drafts"]!.AsArray());
            Assert.False(reply["opinions"]![0]!["submitted"]!.GetValue<bool>());
            var contacts = await office.GetFromJsonAsync<JsonArray>($"/api/contacts/tasks/{ItemId}/contacts");
            Assert.Equal(2, contacts!.Count);
            Assert.All(contacts, c => Assert.Equal("Planned", c!["status"]!.GetValue<string>()));
            var person = await office.GetFromJsonAsync<JsonObject>($"/api/identity/people/{PersonId}");
            Assert.False(person!["disabled"]!.GetValue<bool>());
            var clients = await office.GetFromJsonAsync<JsonArray>("/api/identity/clients");
            Assert.False(clients!.Single(c => c!["clientId"]!.GetValue<string>() == ClientId)!["revoked"]!.GetValue<bool>());
        }
    }
}
