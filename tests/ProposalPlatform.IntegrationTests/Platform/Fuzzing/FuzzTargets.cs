using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.IntegrationTests.Platform.Fuzzing;

/// <summary>
/// What the fuzz suite's requests name in their paths, made for it before it starts so that valid
/// requests reach the domain's logic: each operation on an item gets items of its own (planned
/// contacts for the contact operations, an entrusted visit for the district's, a co-handler for the
/// opinion, a reply under way for the reply's steps), each write on a unit, rule, person or client
/// gets ones of its own, so no operation's requests change what another's, or another test's, rely on.
/// </summary>
public sealed class FuzzTargets
{
    private const string CoHandlingUnit = "HQ-TARIFF";
    private const string District = "DIST-SHENZHEN";

    /// <summary>The years of the holiday calendar the suite's writes take, one per operation, far from any item's return window.</summary>
    public const int ReplacedCalendarYear = 2196;
    public const int SetCalendarYear = 2197;
    public const int RemovedCalendarYear = 2195;

    private static readonly int[] SeededCalendarYears = [2024, 2025, 2026];

    private readonly Dictionary<(string Operation, string Parameter), IReadOnlyList<string>> _values = [];
    // what the suite made, for the state it compares; guarded by locking _items
    private readonly List<Guid> _items = [];
    private readonly List<string> _units = [];
    private readonly List<string> _batches = [];

    private FuzzTargets(KnownValues known) => Known = known;

    public KnownValues Known { get; }

    /// <summary>The values a path parameter of an operation takes; empty where the suite made none (any value is then generated).</summary>
    public IReadOnlyList<string> For(ApiOperation operation, string parameter) => _values.GetValueOrDefault((operation.Id, parameter)) ?? [];

    public static async Task<FuzzTargets> CreateAsync(PlatformFixture platform, IReadOnlyList<ApiOperation> operations)
    {
        var office = platform.Gateway;
        var units = (await office.GetFromJsonAsync<JsonArray>("/api/assignment/units"))!;
        var rules = (await office.GetFromJsonAsync<JsonArray>("/api/assignment/rules"))!;
        var codes = units.Select(u => u!["code"]!.GetValue<string>()).ToList();
        var targets = new FuzzTargets(new KnownValues(
            codes,
            [.. units.Where(u => u!["kind"]!.GetValue<string>() == "Department").Select(u => u!["code"]!.GetValue<string>())],
            [.. units.Where(u => u!["kind"]!.GetValue<string>() == "District").Select(u => u!["code"]!.GetValue<string>())],
            [.. rules.Select(r => r!["id"]!.GetValue<int>())],
            await FollowedBatchAsync(platform),
            await ClusterAsync(platform)));

        // a few operations' targets at a time: the lead unit's handler, who plans and drafts for them, has a person's budget of calls
        var parameters = operations.SelectMany(o => o.Parameters(Microsoft.OpenApi.ParameterLocation.Path).Select(p => (Operation: o, Parameter: p.Name!)));
        await Parallel.ForEachAsync(parameters, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (target, _) =>
        {
            var values = await targets.MakeAsync(platform, target.Operation, target.Parameter, codes, rules);
            lock (targets._values)
            {
                targets._values[(target.Operation.Id, target.Parameter)] = values;
            }
        });
        return targets;
    }

    private async Task<IReadOnlyList<string>> MakeAsync(PlatformFixture platform, ApiOperation operation, string parameter, List<string> codes, JsonArray rules)
    {
        var path = operation.Path;
        var reads = operation.Method == HttpMethod.Get;
        return parameter switch
        {
            // the item taken out must be in the group named: both from one group of three, its two others to take out
            "groupId" or "proposalId" when operation.Id == "RemoveItemFromHandlingGroup" => await RemovableAsync(platform, parameter),
            "proposalId" or "id" when path.StartsWith("/api/intake/proposals/", StringComparison.Ordinal) || path.StartsWith("/api/reporting/items/", StringComparison.Ordinal)
                || parameter == "proposalId" =>
                [.. (await ItemsAsync(platform, operation)).Select(id => id.ToString())],
            "groupId" => reads ? [await GroupAsync(platform, 2)] : [await GroupAsync(platform, 2), await GroupAsync(platform, 2)],
            "contactId" => await ContactsAsync(platform, entrusted: path.Contains("/entrusted/", StringComparison.Ordinal)),
            "pairId" => [await PairAsync(platform)],
            "unitCode" => [CoHandlingUnit],
            "id" when path.StartsWith("/api/intake/batches/", StringComparison.Ordinal) => await BatchAsync(platform),
            "id" when path.StartsWith("/api/assignment/rules/", StringComparison.Ordinal) => reads
                ? [.. rules.Select(r => r!["id"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture))]
                : [await RuleAsync(platform), await RuleAsync(platform)],
            "code" => reads ? codes : [await UnitAsync(platform), await UnitAsync(platform)],
            "id" when path.StartsWith("/api/identity/people/", StringComparison.Ordinal) => [await PersonAsync(platform), await PersonAsync(platform)],
            "year" => reads ? [.. SeededCalendarYears.Select(y => y.ToString(CultureInfo.InvariantCulture))]
                : [(await CalendarYearAsync(platform, ReplacedCalendarYear, [1])).ToString(CultureInfo.InvariantCulture)],
            // a Saturday, which may be either kind of day; the days to remove, one for each of the first valid requests
            "date" when operation.Id == "SetCalendarDay" => await CalendarDaysAsync(platform, SetCalendarYear, [7]),
            "date" => await CalendarDaysAsync(platform, RemovedCalendarYear, [.. Enumerable.Range(1, 20)]),
            "clientId" => [(await platform.CreateClientAsync("HQ-STATISTICS", PlatformRoles.UnitHandler)).ClientId, (await platform.CreateClientAsync("HQ-STATISTICS", PlatformRoles.UnitHandler)).ClientId],
            _ => [],
        };
    }

    /// <summary>Two items led by the tests' lead unit, as far along as the operation needs them.</summary>
    private async Task<Guid[]> ItemsAsync(PlatformFixture platform, ApiOperation operation)
    {
        var items = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => NewItemAsync(platform)));
        foreach (var id in items)
        {
            // past three months an extension rests on the unit's explanation of the progress to the submitter
            if (operation.Id == "ExtendDeadline")
            {
                await platform.Handler.ExplainProgressAsync(id);
            }

            if (operation.Id == "SubmitCoHandlingOpinion")
            {
                await PostAsync(platform.Gateway, $"/api/assignment/assignments/{id}/co-handlers", new { unitCode = CoHandlingUnit, reason = "模糊测试会办" });
            }

            if (operation.Path.StartsWith("/api/replies/", StringComparison.Ordinal))
            {
                await ReplyUnderWayAsync(platform, id, operation.Id);
            }
        }

        return items;
    }

    /// <summary>A reply as far as the operation takes it on: the contact made, then a draft, its sign-offs, the reply issued.</summary>
    private static async Task ReplyUnderWayAsync(PlatformFixture platform, Guid id, string operationId)
    {
        await PostAsync(platform.Handler, $"/api/contacts/tasks/{id}/contacts", Items.Contact(DateTimeOffset.UtcNow));
        await platform.Gateway.GetWhenPresentAsync($"/api/replies/{id}", r => r["contactCompleted"]!.GetValue<bool>());
        switch (operationId)
        {
            case "RecordSignOff":
                await platform.Handler.SaveDraftAsync(id);
                break;
            case "IssueReply":
                await platform.DraftAndSignOffAsync(id);
                break;
            case "RecordFeedback" or "GetReplyLetter" or "GetPublicReplyLetter":
                await platform.DraftAndSignOffAsync(id);
                await PostAsync(platform.Handler, $"/api/replies/{id}/issue", Items.Issue("A"));
                break;
        }
    }

    /// <summary>Two planned contacts (or two visits entrusted to Shenzhen), each on an item of its own.</summary>
    private async Task<IReadOnlyList<string>> ContactsAsync(PlatformFixture platform, bool entrusted)
    {
        var contacts = new List<string>();
        foreach (var id in await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => NewItemAsync(platform))))
        {
            var start = DateTimeOffset.UtcNow.Date.AddDays(400 + Random.Shared.Next(300)).AddHours(2);
            object plan = entrusted
                ? new { channel = "EntrustedVisit", plannedStart = start, plannedEnd = start.AddHours(1) }
                : new { channel = "Video", plannedStart = start, plannedEnd = start.AddHours(1), handler = $"模糊测试{Items.NextNumber()}" };
            contacts.Add((await PostAsync(platform.Handler, $"/api/contacts/tasks/{id}/plans", plan))["id"]!.GetValue<Guid>().ToString());
        }

        return contacts;
    }

    /// <summary>Two items of a session no other test uses, nearly the same: a candidate pair for merged handling.</summary>
    private async Task<string> PairAsync(PlatformFixture platform)
    {
        var year = 1960 + Random.Shared.Next(40);
        var first = await RegisterAsync(platform, IntakeItems.Item(year, Items.NextNumber(), "关于模糊测试设立综合保税区的建议",
            "建议海关总署支持模糊测试市设立综合保税区，促进加工贸易转型升级，扩大对外开放，带动当地就业和产业发展。"));
        await RegisterAsync(platform, IntakeItems.Item(year, Items.NextNumber(), "关于支持模糊测试设立综合保税区的建议",
            "建议海关总署支持模糊测试市设立综合保税区，促进加工贸易转型升级，扩大对外开放，带动就业和产业发展。"));
        var similar = await Eventually.Until(
            () => platform.Gateway.GetFromJsonAsync<JsonArray>($"/api/intake/proposals/{first}/similar"), pairs => pairs!.Count > 0, "the fuzz suite's pair");
        return similar![0]!["pairId"]!.GetValue<Guid>().ToString();
    }

    /// <summary>
    /// Two similar items assigned to one unit, for the merged-handling bodies (a cluster to confirm, a
    /// group to form). They are not among the items whose state the suite compares: the valid requests
    /// change them by their bodies, not their paths.
    /// </summary>
    private static async Task<IReadOnlyList<Guid>> ClusterAsync(PlatformFixture platform)
    {
        var year = 1960 + Random.Shared.Next(40);
        var own = Items.NextNumber();
        var first = (await platform.Gateway.RegisterAsync(IntakeItems.Item(year, Items.NextNumber(), $"关于模糊测试{own}设立综合保税区的建议",
            $"建议海关总署支持模糊测试{own}市设立综合保税区，促进加工贸易转型升级，扩大对外开放，带动当地就业和产业发展。")))["id"]!.GetValue<Guid>();
        var second = (await platform.Gateway.RegisterAsync(IntakeItems.Item(year, Items.NextNumber(), $"关于支持模糊测试{own}设立综合保税区的建议",
            $"建议海关总署支持模糊测试{own}市设立综合保税区，促进加工贸易转型升级，扩大对外开放，带动就业和产业发展。")))["id"]!.GetValue<Guid>();
        await platform.Gateway.GetWhenPresentAsync($"/api/intake/proposals/{first}/similar", pairs => pairs.AsArray().Count > 0);
        await Task.WhenAll(new[] { first, second }.Select(id => platform.Gateway.GetWhenPresentAsync($"/api/replies/{id}")));
        return [first, second];
    }

    /// <summary>A merged group of <paramref name="size"/> items of the tests' lead unit, formed by the office; answers its id.</summary>
    private static async Task<string> GroupAsync(PlatformFixture platform, int size) => (await NewGroupAsync(platform, size)).Group;

    private static async Task<(string Group, Guid[] Items)> NewGroupAsync(PlatformFixture platform, int size)
    {
        var items = await Task.WhenAll(Enumerable.Range(0, size).Select(async _ =>
        {
            var id = (await platform.Gateway.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
            await platform.Gateway.GetWhenPresentAsync($"/api/replies/{id}");
            return id;
        }));
        var group = await PostAsync(platform.Gateway, "/api/replies/groups", new { leadProposalId = items[0], proposalIds = items });
        return (group["groupId"]!.GetValue<Guid>().ToString(), items);
    }

    private Task<(string Group, Guid[] Items)>? _removable;

    /// <summary>RemoveItemFromHandlingGroup's group of three and the two items it may take out of it, made once for both parameters.</summary>
    private async Task<IReadOnlyList<string>> RemovableAsync(PlatformFixture platform, string parameter)
    {
        lock (_values)
        {
            _removable ??= NewGroupAsync(platform, 3);
        }

        var (group, items) = await _removable;
        return parameter == "groupId" ? [group] : [.. items.Skip(1).Select(id => id.ToString())];
    }

    /// <summary>A batch sent as bytes the suite hashed, as the portal does to follow an upload (FindBatch).</summary>
    private static async Task<(string Reference, string ContentHash)> FollowedBatchAsync(PlatformFixture platform)
    {
        var reference = $"模糊测试跟踪批次{Items.NextNumber()}";
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
        {
            batchReference = reference,
            assignedAt = "2020-04-01",
            items = new[] { Items.Suggestion(Items.NextNumber()) },
        });
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await platform.Gateway.PostAsync("/api/intake/batches", content);
        Assert.True(response.IsSuccessStatusCode, $"the followed batch answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (reference, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)));
    }

    private async Task<IReadOnlyList<string>> BatchAsync(PlatformFixture platform)
    {
        var batch = await PostAsync(platform.Gateway, "/api/intake/batches", new
        {
            batchReference = $"模糊测试批次{Items.NextNumber()}",
            assignedAt = "2020-04-01",
            items = new[] { Items.Suggestion(Items.NextNumber()) },
        });
        var id = batch["id"]!.GetValue<Guid>().ToString();
        lock (_items)
        {
            _batches.Add(id);
        }

        return [id];
    }

    /// <summary>A year of the holiday calendar put for the suite, its days the holidays of January named by <paramref name="januaryDays"/>; answers the year.</summary>
    private static async Task<int> CalendarYearAsync(PlatformFixture platform, int year, int[] januaryDays)
    {
        using var response = await platform.Gateway.PutAsJsonAsync($"/api/assignment/calendar/{year}", new
        {
            source = "模糊测试通知",
            days = januaryDays.Select(d => new { date = $"{year}-01-{d:D2}", kind = "Holiday", name = "模糊节" }).ToArray(),
        });
        Assert.True(response.IsSuccessStatusCode, $"setting up the fuzz suite: PUT the calendar of {year} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return year;
    }

    private static async Task<IReadOnlyList<string>> CalendarDaysAsync(PlatformFixture platform, int year, int[] januaryDays)
    {
        await CalendarYearAsync(platform, year, januaryDays);
        return [.. januaryDays.Select(d => $"{year}-01-{d:D2}")];
    }

    private static async Task<string> RuleAsync(PlatformFixture platform) =>
        (await PostAsync(platform.Gateway, "/api/assignment/rules", new { keyword = $"fzrule{Guid.NewGuid():N}"[..16], unitCode = PlatformFixture.LeadUnit, priority = 900 }))["id"]!
            .GetValue<int>().ToString(CultureInfo.InvariantCulture);

    private async Task<string> UnitAsync(PlatformFixture platform)
    {
        var code = $"FZ-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        await PostAsync(platform.Gateway, "/api/assignment/units", new { code, name = "模糊测试处", kind = "Department" });
        lock (_items)
        {
            _units.Add(code);
        }

        return code;
    }

    private static async Task<string> PersonAsync(PlatformFixture platform) =>
        (await platform.CreatePersonAsync("HQ-STATISTICS", PlatformRoles.UnitHandler))["id"]!.GetValue<string>();

    private async Task<Guid> NewItemAsync(PlatformFixture platform)
    {
        var id = await RegisterAsync(platform, Items.Suggestion(Items.NextNumber()));
        await platform.Gateway.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
        await platform.Gateway.GetWhenPresentAsync($"/api/replies/{id}");
        return id;
    }

    private async Task<Guid> RegisterAsync(PlatformFixture platform, JsonObject item)
    {
        var id = (await platform.Gateway.RegisterAsync(item))["id"]!.GetValue<Guid>();
        lock (_items)
        {
            _items.Add(id);
        }

        return id;
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"setting up the fuzz suite: POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    /// <summary>
    /// What a request could change, as the office reads it: every item the suite made (in every
    /// service), the lists of units, rules, people, clients, pairs, entrusted visits and follow-ups,
    /// the suite's batches and units. Equal before and after the refused requests, or one of them changed something.
    /// </summary>
    public async Task<SortedDictionary<string, string>> StateAsync(HttpClient office)
    {
        List<string> paths =
        [
            "/api/intake/proposals?pageSize=1",
            "/api/intake/similar?pageSize=200",
            "/api/assignment/units",
            "/api/assignment/rules",
            "/api/identity/people",
            "/api/identity/clients",
            $"/api/contacts/entrusted?district={District}",
            "/api/replies/follow-ups",
            "/api/assignment/calendar",
            .. new[] { ReplacedCalendarYear, SetCalendarYear, RemovedCalendarYear }.Concat(SeededCalendarYears).Select(y => $"/api/assignment/calendar/{y}"),
        ];
        lock (_items)
        {
            paths.AddRange(_batches.Select(b => $"/api/intake/batches/{b}"));
            paths.AddRange(_units.Select(u => $"/api/assignment/units/{u}/coverage"));
            foreach (var id in _items)
            {
                paths.AddRange([
                    $"/api/intake/proposals/{id}", $"/api/intake/proposals/{id}/versions", $"/api/assignment/assignments/{id}",
                    $"/api/assignment/assignments/{id}/history", $"/api/contacts/tasks/{id}", $"/api/replies/{id}"]);
            }
        }

        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (path, cancellationToken) =>
        {
            using var response = await office.GetAsync(path, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            lock (state)
            {
                state[path] = response.StatusCode == HttpStatusCode.OK ? body : $"{(int)response.StatusCode} {body}";
            }
        });
        return state;
    }
}
