using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using CsCheck;
using ProposalPlatform.Contracts.Identity;
using Xunit.Abstractions;

namespace ProposalPlatform.IntegrationTests.Platform.Fuzzing;

/// <summary>
/// The fuzz suite: every operation of the five OpenAPI documents (read at test time, so a new
/// operation is fuzzed without a line here), called through the gateway with a token allowed to call
/// it, with generated requests — valid ones from the schemas, and invalid ones that each break one
/// rule. Pass: no 5xx; every 4xx a ProblemDetails; every invalid request refused; every valid one
/// answered 2xx or a 4xx its document lists; and nothing changed by the refused ones.
/// The seed is new each run and printed; FUZZ_SEED=… replays one, FUZZ_REQUESTS=… sets how many of
/// each kind an operation gets (200).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Fuzzing_every_operation(PlatformFixture platform, ITestOutputHelper output)
{
    private const string ProblemMediaType = "application/problem+json";

    /// <summary>Who calls an operation whose domain leaves the office out (the matrix's rows): a client of its own for each, with its own budget.</summary>
    private static readonly Dictionary<string, (string Unit, string Role)> NotTheOffice = new()
    {
        ["PlanContact"] = (PlatformFixture.LeadUnit, PlatformRoles.UnitHandler),
        ["RecordContact"] = (PlatformFixture.LeadUnit, PlatformRoles.UnitHandler),
        ["RescheduleContact"] = (PlatformFixture.LeadUnit, PlatformRoles.UnitHandler),
        ["CancelContact"] = (PlatformFixture.LeadUnit, PlatformRoles.UnitHandler),
        ["RecordContactOutcome"] = (PlatformFixture.LeadUnit, PlatformRoles.UnitHandler),
        ["SaveDraft"] = (PlatformFixture.LeadUnit, PlatformRoles.UnitHandler),
        ["RecordSignOff"] = (PlatformFixture.LeadUnit, PlatformRoles.UnitHandler),
        ["IssueReply"] = (PlatformFixture.LeadUnit, PlatformRoles.UnitHandler),
        ["RecordFeedback"] = (PlatformFixture.LeadUnit, PlatformRoles.UnitHandler),
        ["SubmitCoHandlingOpinion"] = ("HQ-TARIFF", PlatformRoles.UnitHandler),
        ["RecordProgressExplanation"] = (PlatformFixture.LeadUnit, PlatformRoles.UnitHandler),
        ["ScheduleEntrustedVisit"] = ("DIST-SHENZHEN", PlatformRoles.DistrictOfficer),
        ["ReportEntrustedVisit"] = ("DIST-SHENZHEN", PlatformRoles.DistrictOfficer),
    };

    [Fact]
    public async Task Every_operation_refuses_what_is_invalid_changing_nothing_and_answers_what_is_valid_as_documented()
    {
        // Arrange: the operations, what their paths name, a caller for each, the requests
        var seed = Seed();
        var perOperation = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS"), CultureInfo.InvariantCulture, out var n) ? n : 200;
        output.WriteLine($"fuzz seed {seed} (replay with FUZZ_SEED={seed}), {perOperation} valid and {perOperation} invalid requests per operation");
        var clock = Stopwatch.StartNew();
        var operations = (await ApiDocuments.OperationsAsync(platform.Gateway)).Where(o => o.NeedsToken).ToList();
        Assert.True(operations.Count >= 50, $"only {operations.Count} operations with a token in the documents");
        var targets = await FuzzTargets.CreateAsync(platform, operations);
        var domain = new DomainValues(targets.Known);
        var callers = await CallersAsync(operations);
        var valid = new List<FuzzRequest>();
        var invalid = new List<FuzzRequest>();
        foreach (var operation in operations)
        {
            var pcg = new PCG(Stream(operation.Id), seed);
            var generator = new RequestGenerator(operation, domain, parameter => targets.For(operation, parameter));
            valid.AddRange(Enumerable.Range(0, perOperation).Select(_ => generator.Valid.Draw(pcg)));
            invalid.AddRange(Enumerable.Range(0, perOperation).Select(_ => generator.Invalid.Draw(pcg)));
        }

        var before = await SettledStateAsync(targets);
        output.WriteLine($"set up in {clock.Elapsed.TotalSeconds:F0} s: {operations.Count} operations, {before.Count} resources watched");

        // Act: the invalid requests first, then what they left, then the valid ones
        clock.Restart();
        var refused = await SendAsync(invalid, callers);
        var after = await StateLikeAsync(targets, before);
        var answered = await SendAsync(valid, callers);
        output.WriteLine($"{refused.Count + answered.Count} requests in {clock.Elapsed.TotalSeconds:F0} s");

        // Assert
        Summarize(operations, refused.Concat(answered));
        var faults = refused.Concat(answered).Select(o => (Outcome: o, Fault: Fault(o))).Where(f => f.Fault is not null).ToList();
        var changed = before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)).ToList();
        // valid requests that are all refused test the refusals alone: each operation did its work at least once
        var neverDone = operations.Select(o => o.Id).Except(answered.Where(o => o.Status is >= 200 and < 300).Select(o => o.Request.Operation.Id)).ToList();
        Assert.True(faults.Count == 0 && changed.Count == 0 && neverDone.Count == 0, Report(seed, faults!, changed, before, after, neverDone));
    }

    private static ulong Seed() =>
        ulong.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : (ulong)Random.Shared.NextInt64();

    /// <summary>The operation's own random stream (FNV-1a of its id): one operation's requests do not move when another is added.</summary>
    private static uint Stream(string operationId)
    {
        var hash = 2166136261u;
        foreach (var c in operationId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    /// <summary>What makes an answer wrong, or null when it is right.</summary>
    private static string? Fault(Outcome outcome) => outcome switch
    {
        { Status: 0 } => "no answer",
        { Status: >= 500 } => "a 5xx",
        // Kestrel, the HTTP server, refuses a NUL in the request's path before any code of the platform
        // runs, with a bare 400 whose body no application can write (a "not customisable" category of its errors)
        { Status: 400, Body: "" } when outcome.Request.PathAndQuery.Split('?')[0].Contains("%00", StringComparison.Ordinal) => null,
        { Status: >= 400 and < 500, MediaType: not ProblemMediaType } => "a 4xx that is no ProblemDetails",
        { Request.Valid: false, Status: < 400 } => "an invalid request not refused",
        { Request.Valid: true, Status: >= 300 } when !(outcome.Status >= 400 && outcome.Request.Operation.Documented.Contains(outcome.Status)) =>
            "an answer to a valid request the document does not list",
        _ => null,
    };

    private async Task<Dictionary<string, FuzzCaller>> CallersAsync(IEnumerable<ApiOperation> operations)
    {
        var callers = new Dictionary<string, FuzzCaller> { [""] = new("the office's machine client", platform.Gateway, perSecond: 600, parallel: 8) };
        foreach (var operation in operations)
        {
            (string Unit, string Role)? who = NotTheOffice.TryGetValue(operation.Id, out var named) ? named
                : operation.Roles.Count == 0 || operation.Roles.Contains(PlatformRoles.ProposalOffice) ? null
                : (operation.Roles[0] == PlatformRoles.DistrictOfficer ? "DIST-SHENZHEN" : PlatformFixture.LeadUnit, operation.Roles[0]);
            if (who is { } caller)
            {
                // its own client, so that each has a person's budget of calls to itself
                callers[operation.Id] = new FuzzCaller($"a {caller.Role} client of {caller.Unit}", await platform.ClientAsync(caller.Unit, caller.Role), perSecond: 40, parallel: 2);
            }
        }

        return callers;
    }

    /// <summary>Every request by its operation's caller, each caller within its budget, all callers at once.</summary>
    private static async Task<List<Outcome>> SendAsync(List<FuzzRequest> requests, Dictionary<string, FuzzCaller> callers)
    {
        var outcomes = new List<Outcome>(requests.Count);
        var byCaller = requests.GroupBy(r => callers.ContainsKey(r.Operation.Id) ? r.Operation.Id : "");
        await Task.WhenAll(byCaller.Select(async group =>
        {
            var caller = callers[group.Key];
            // the operations' requests in turn, so one operation's requests do not all arrive at once
            var interleaved = group.GroupBy(r => r.Operation.Id).SelectMany(g => g.Select((r, i) => (r, i))).OrderBy(x => x.i).Select(x => x.r);
            await Parallel.ForEachAsync(interleaved, new ParallelOptions { MaxDegreeOfParallelism = caller.Parallel }, async (request, cancellationToken) =>
            {
                var outcome = await caller.SendAsync(request, cancellationToken);
                lock (outcomes)
                {
                    outcomes.Add(outcome);
                }
            });
        }));
        return outcomes;
    }

    /// <summary>The state once the set-up's own messages have all arrived: the same twice in a row.</summary>
    private async Task<SortedDictionary<string, string>> SettledStateAsync(FuzzTargets targets)
    {
        var last = await targets.StateAsync(platform.Gateway);
        return await Eventually.Until(
            async () =>
            {
                var (previous, now) = (last, await targets.StateAsync(platform.Gateway));
                last = now;
                return previous.SequenceEqual(now) ? now : null;
            },
            state => state is not null,
            "the fuzz suite's targets to settle") ?? throw new InvalidOperationException("unreachable");
    }

    /// <summary>The state after the refused requests: as it was before, or, at the deadline, what it is then.</summary>
    private async Task<SortedDictionary<string, string>> StateLikeAsync(FuzzTargets targets, SortedDictionary<string, string> before)
    {
        try
        {
            return await Eventually.Until(
                () => targets.StateAsync(platform.Gateway), state => state.SequenceEqual(before), "the targets to be as before", TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // what it is at the deadline: the comparison that follows names what changed
            return await targets.StateAsync(platform.Gateway);
        }
    }

    private void Summarize(IEnumerable<ApiOperation> operations, IEnumerable<Outcome> outcomes)
    {
        var byOperation = outcomes.ToLookup(o => o.Request.Operation.Id);
        foreach (var operation in operations)
        {
            string Statuses(bool valid) => string.Join(" ", byOperation[operation.Id].Where(o => o.Request.Valid == valid)
                .GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
            // why valid requests were refused, most often: what keeps them from the domain's logic
            var refusals = byOperation[operation.Id].Where(o => o.Request.Valid && o.Status >= 400).GroupBy(o => $"{o.Status} {Title(o.Body)}")
                .OrderByDescending(g => g.Count()).Take(2).Select(g => $"{g.Key} ×{g.Count()}");
            output.WriteLine($"{operation.Id,-28} valid: {Statuses(true),-36} invalid: {Statuses(false),-36} {string.Join("; ", refusals)}");
        }
    }

    private static string Title(string body)
    {
        try
        {
            var problem = JsonNode.Parse(body);
            var fields = problem?["errors"]?.AsObject().Select(e => e.Key).ToList() ?? [];
            return (problem?["title"]?.GetValue<string>() ?? "") + (fields.Count > 0 ? $" ({string.Join(", ", fields)})" : "");
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static string Report(ulong seed, List<(Outcome Outcome, string Fault)> faults, List<string> changed,
        SortedDictionary<string, string> before, SortedDictionary<string, string> after, List<string> neverDone)
    {
        var report = new StringBuilder($"The fuzz suite found {faults.Count} wrong answers and {changed.Count} changes by refused requests (seed {seed}; replay with FUZZ_SEED={seed}).\n");
        if (neverDone.Count > 0)
        {
            report.Append($"No valid request of {string.Join(", ", neverDone)} was answered 2xx: their generators reach no domain logic (see the summary in the output).\n");
        }

        foreach (var group in faults.GroupBy(f => (f.Outcome.Request.Operation.Id, f.Fault, f.Outcome.Status, f.Outcome.Request.Kind)).Take(20))
        {
            var (outcome, fault) = group.First();
            report.Append($"\n{group.Count()} × {fault} ({outcome.Status}) from {group.Key.Id}, {group.Key.Kind}; the first, by {outcome.Caller}:\n  ")
                .Append(outcome.Request.Describe())
                .Append($"\n  answer: {outcome.Status} {outcome.MediaType}: {FuzzRequest.Visible(outcome.Body, 800)}\n");
        }

        foreach (var resource in changed.Take(5))
        {
            report.Append($"\nchanged by refused requests: GET {resource}\n  before: {FuzzRequest.Visible(before.GetValueOrDefault(resource) ?? "(none)", 600)}\n  after:  {FuzzRequest.Visible(after.GetValueOrDefault(resource) ?? "(none)", 600)}\n");
        }

        return report.ToString();
    }

    public sealed record Outcome(FuzzRequest Request, string Caller, int Status, string? MediaType, string Body);

    /// <summary>A client of the gateway held to a rate below its budget there, so that no request is refused for the budget's sake.</summary>
    private sealed class FuzzCaller(string name, HttpClient client, int perSecond, int parallel)
    {
        private readonly TokenBucketRateLimiter _pace = new(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perSecond / 10),
            TokensPerPeriod = Math.Max(1, perSecond / 10),
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });

        public int Parallel => parallel;

        public async Task<Outcome> SendAsync(FuzzRequest request, CancellationToken cancellationToken)
        {
            using var lease = await _pace.AcquireAsync(1, cancellationToken);
            using var message = request.ToMessage();
            try
            {
                using var response = await client.SendAsync(message, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                return new Outcome(request, name, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return new Outcome(request, name, 0, null, e.ToString());
            }
        }
    }
}
