using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;

namespace ProposalPlatform.Benchmark;

public sealed record SessionResult(
    int Items, int Accepted, int Rejected, TimeSpan StoredAfter, TimeSpan AssignedAfter, long Stored, long Assigned, long Duplicates, CpuUse Cpu);

/// <summary>Where the CPU went while a phase's items were sent and taken in: milliseconds per item, by process.</summary>
public sealed record CpuUse(double Utilisation, IReadOnlyList<(string Group, double MillisecondsPerItem)> PerItem)
{
    public static CpuUse Between(ProcessCpu before, ProcessCpu after, int items) =>
        new(after.UtilisationSince(before), [.. after.Since(before).Select(g => (g.Group, g.Milliseconds / items))]);
}

public sealed record SteadyResult(int Sent, int Assigned, double SubmitP50, double SubmitP99, double AssignedP50, double AssignedP99, double AssignedMax)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Sent} sent, {Assigned} assigned; submit p50 {SubmitP50:F1} ms p99 {SubmitP99:F1} ms; submit->assigned p50 {AssignedP50:F1} ms p99 {AssignedP99:F1} ms max {AssignedMax:F1} ms");
}

/// <summary>One single item sent in a steady phase: by which route, its id, when, and how long the submit took.</summary>
public sealed record SingleSubmit(bool ViaGateway, Guid Id, DateTimeOffset SentAt, double SubmitMs);

/// <summary>The register export: how many rows, how large, how long to the last byte, and intake's peak memory before and after.</summary>
public sealed record ExportResult(long Rows, long Bytes, TimeSpan Took, long IntakePeakKbBefore, long IntakePeakKbAfter);

/// <summary>How far the audit trail lags the writes it records, and what verifying its chain costs.</summary>
public sealed record AuditResult(long Writes, TimeSpan LagAfterAssigned, long ChainRecords, TimeSpan Verification, bool Verified);

public sealed class BenchmarkRun(BenchmarkOptions options, HttpClient gateway, HttpClient intake)
{
    // Each run uses its own range of numbers in one session year, so runs never collide.
    private readonly int _runBase = (int)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 20_000) * 100_000;
    // Texts of the run's own: the same texts posted again into a session year an earlier run used
    // would make every item a duplicate of one already stored, which no real session is.
    private readonly SessionGenerator _generator = new(seed: Environment.TickCount);
    // single items are numbered from here on, past the sessions' numbers and the warm-up batch's
    private int _nextSingle = 61_000;

    /// <summary>How often a single item's assignment is looked for.</summary>
    private static readonly TimeSpan AssignmentPollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>The count itself is a query on intake: poll gently, not to weigh on what is measured.</summary>
    private static readonly TimeSpan CountPollInterval = TimeSpan.FromSeconds(1);

    // Items are compared for similarity within their session: a year of its own per run keeps one
    // run's session from being measured against the sessions earlier runs left in the database.
    public int SessionYear => 1954 + (_runBase / 100_000 % 72);

    /// <summary>The cold session's year, another than <see cref="SessionYear"/>: the export and the statistics measure the warm session's alone.</summary>
    public int ColdSessionYear => 1954 + (((_runBase / 100_000) + 36) % 72);

    /// <summary>The submit→assigned p99 the knee is the highest steady rate to hold.</summary>
    public const double KneeP99Milliseconds = 100;

    /// <summary>
    /// Before anything is measured, the platform's code paths run until .NET has compiled them fully
    /// (it does so only for code that has run a while, in the background): one small batch (and its register export), then
    /// single items on both routes at the steady rate for <see cref="BenchmarkOptions.WarmUpSeconds"/>,
    /// until all of them are assigned. Connections are open, in the benchmark and in the platform.
    /// </summary>
    public async Task WarmUpAsync()
    {
        var batch = new JsonObject
        {
            ["batchReference"] = string.Create(CultureInfo.InvariantCulture, $"BENCH-{_runBase}-WARM"),
            ["items"] = new JsonArray([.. _generator.Items(SessionYear, 100, 100, _runBase + 60_000)]),
        };
        using (var response = await gateway.PostAsJsonAsync("/api/intake/batches", batch))
        {
            response.EnsureSuccessStatusCode();
        }

        // the register export's code path too, measured after the session
        using (var export = await gateway.GetAsync($"/api/intake/proposals/export?batchReference={batch["batchReference"]}&format=xlsx"))
        {
            export.EnsureSuccessStatusCode();
            await export.Content.ReadAsByteArrayAsync();
        }

        var submits = await SendAtSteadyRateAsync(options.Rate, options.Rate * options.WarmUpSeconds);
        await AssignedLatenciesAsync(submits);
    }

    /// <summary>
    /// Right after the steady phase (every item assigned): waits until each registration since
    /// <paramref name="from"/> is in the audit trail, then walks the whole chain once.
    /// </summary>
    public async Task<AuditResult> AuditTrailAsync(DateTimeOffset from, int writes)
    {
        var clock = Stopwatch.StartNew();
        var query = $"/api/audit/records?operation=RegisterProposal&outcome=Accepted&from={Uri.EscapeDataString(from.ToString("O"))}&pageSize=1";
        long recorded;
        while ((recorded = (await gateway.GetFromJsonAsync<JsonObject>(query))!["total"]!.GetValue<long>()) < writes && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(CountPollInterval / 10);
        }

        var lag = clock.Elapsed;
        clock.Restart();
        var chain = (await gateway.GetFromJsonAsync<JsonObject>("/api/audit/chain"))!;
        return new AuditResult(recorded, lag, chain["recordsChecked"]!.GetValue<long>(), clock.Elapsed, chain["verified"]!.GetValue<bool>());
    }

    /// <summary>
    /// Right after the session phase: the register of the run's session year (the session and the
    /// warm-up's items) exported to Excel through the gateway and read to its last byte; its rows are
    /// counted afterwards, off the clock.
    /// </summary>
    public async Task<ExportResult> RegisterExportAsync()
    {
        const string Intake = "ProposalPlatform.Intake";
        var before = ProcessMemory.PeakKilobytesByProcess().GetValueOrDefault(Intake);
        var clock = Stopwatch.StartNew();
        using var response = await gateway.GetAsync(
            string.Create(CultureInfo.InvariantCulture, $"/api/intake/proposals/export?sessionYear={SessionYear}&format=xlsx"), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var workbook = await response.Content.ReadAsByteArrayAsync();
        var took = clock.Elapsed;
        var after = ProcessMemory.PeakKilobytesByProcess().GetValueOrDefault(Intake);
        using var read = new MemoryStream(workbook);
        return new ExportResult(read.Query(useHeaderRow: true).LongCount(), workbook.Length, took, before, after);
    }

    /// <summary>How many items the platform holds already: a database of many sessions makes every index larger.</summary>
    public async Task<long> StoredItemsAsync() =>
        (await gateway.GetFromJsonAsync<JsonObject>("/api/intake/proposals?pageSize=1"))!["total"]!.GetValue<long>();

    /// <summary>
    /// A whole session in batches through the gateway, into <paramref name="sessionYear"/>; the cold one
    /// (<paramref name="cold"/>) is numbered apart from the warm one, each kind of item from its own first number.
    /// </summary>
    public async Task<SessionResult> SessionThroughputAsync(int sessionYear, bool cold)
    {
        var reference = string.Create(CultureInfo.InvariantCulture, $"BENCH-{_runBase}-{(cold ? "COLD" : "WARM")}");
        var firstNumber = _runBase + 10_000 + (cold ? Math.Max(options.Suggestions, options.Proposals) : 0);
        var items = _generator.Items(sessionYear, options.Suggestions, options.Proposals, firstNumber).ToList();
        var batches = items.Chunk(options.BatchSize).Select((chunk, index) => (chunk, index)).ToList();

        var clock = Stopwatch.StartNew();
        var cpuBefore = ProcessCpu.Read();
        var accepted = 0;
        var rejected = 0;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (batch, cancellationToken) =>
        {
            var body = new JsonObject
            {
                ["batchReference"] = $"{reference}-{batch.index:D3}",
                ["assignedAt"] = DateTimeOffset.UtcNow.ToString("O"),
                ["items"] = new JsonArray(batch.chunk.Select(i => (JsonNode)i.DeepClone()).ToArray()),
            };
            using var response = await gateway.PostAsJsonAsync("/api/intake/batches", body, cancellationToken);
            var result = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"batch {batch.index} answered {(int)response.StatusCode}: {result}");
            }

            Interlocked.Add(ref accepted, result?["accepted"]?.GetValue<int>() ?? 0);
            Interlocked.Add(ref rejected, result?["rejected"]?.GetValue<int>() ?? 0);
        });

        // a batch is stored when its upload is answered
        var storedAfter = clock.Elapsed;
        var references = batches.Select(b => $"{reference}-{b.index:D3}").ToList();
        var assigned = await WaitForCountAsync(references, "&status=Assigned", items.Count);
        var stored = await WaitForCountAsync(references, "", items.Count);
        var assignedAfter = clock.Elapsed;
        var cpu = CpuUse.Between(cpuBefore, ProcessCpu.Read(), items.Count);
        return new SessionResult(items.Count, accepted, rejected, storedAfter, assignedAfter, stored, assigned, Math.Max(0, stored - items.Count), cpu);
    }

    /// <summary>
    /// Single items at a steady rate, every other one through the gateway and the rest straight to
    /// intake: both see the same load at the same time, so their difference is the gateway's.
    /// </summary>
    public async Task<(SteadyResult ViaGateway, SteadyResult Direct, CpuUse Cpu)> SteadyRateAsync()
    {
        var total = options.Rate * options.Seconds;
        var clock = Stopwatch.StartNew();
        var cpuBefore = ProcessCpu.Read();
        var submits = await SendAtSteadyRateAsync(options.Rate, total);
        var cpuAfter = ProcessCpu.Read();
        var cpu = CpuUse.Between(cpuBefore, cpuAfter, total);

        var assignedLatencies = await AssignedLatenciesAsync(submits);
        Console.WriteLine($"  (steady phase took {clock.Elapsed.TotalSeconds:F1} s)");
        if (options.LatencyFile is { } file)
        {
            var start = submits.Min(s => s.SentAt);
            await File.WriteAllLinesAsync(file, assignedLatencies.OrderBy(a => a.Submit.SentAt).Select(a => string.Create(CultureInfo.InvariantCulture,
                $"{(a.Submit.SentAt - start).TotalMilliseconds:F0},{(a.Submit.ViaGateway ? "gateway" : "direct")},{a.Submit.SubmitMs:F1},{a.Ms:F1},{a.Submit.SentAt.ToUnixTimeMilliseconds()}")).Prepend("sent_ms,route,submit_ms,assigned_ms,sent_unix_ms"));
            Console.WriteLine($"  (each item's latencies: {file})");
        }
        return (Result(true), Result(false), cpu);

        SteadyResult Result(bool viaGateway) =>
            Summary(submits.Where(s => s.ViaGateway == viaGateway), assignedLatencies.Where(a => a.Submit.ViaGateway == viaGateway));
    }

    /// <summary>
    /// Single items at the steady rate for <paramref name="seconds"/>, every other one through the gateway,
    /// while <paramref name="beside"/> runs; their submit→assigned latencies, both routes together.
    /// </summary>
    public async Task<SteadyResult> SteadyBesideAsync(int seconds, Func<CancellationToken, Task> beside)
    {
        var sending = SendAtSteadyRateAsync(options.Rate, options.Rate * seconds);
        await Task.WhenAll(sending, beside(CancellationToken.None));
        var submits = await sending;
        return Summary(submits, await AssignedLatenciesAsync(submits));
    }

    /// <summary>
    /// The knee: single items at each of <paramref name="rates"/> in turn (per second, rising) for
    /// <paramref name="seconds"/>, every other one through the gateway, each step on a platform at rest,
    /// until a step's submit→assigned p99 exceeds <see cref="KneeP99Milliseconds"/> or not all its items
    /// are assigned. Each step's figures, the last the first that did not hold (unless all held).
    /// </summary>
    public async Task<IReadOnlyList<(int Rate, SteadyResult Result, bool Held)>> KneeAsync(
        IReadOnlyList<int> rates, int seconds, Action<int, SteadyResult, bool, TimeSpan?> stepDone)
    {
        var steps = new List<(int, SteadyResult, bool)>();
        foreach (var rate in rates)
        {
            var waited = await AtRestAsync();
            var submits = await SendAtSteadyRateAsync(rate, rate * seconds);
            var result = Summary(submits, await AssignedLatenciesAsync(submits));
            var held = result.Assigned == result.Sent && result.AssignedP99 <= KneeP99Milliseconds;
            steps.Add((rate, result, held));
            stepDone(rate, result, held, waited);
            if (!held)
            {
                break;
            }
        }

        return steps;
    }

    /// <summary>
    /// Until the machine's cores have been less than a quarter busy for a second (what the last phase
    /// left behind — intake indexing a session's items, an autovacuum, a checkpoint — has passed), for
    /// three minutes at most: how long it waited, or null when the platform did not come to rest.
    /// </summary>
    public static async Task<TimeSpan?> AtRestAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            var before = ProcessCpu.Read();
            await Task.Delay(TimeSpan.FromSeconds(1));
            if (ProcessCpu.Read().UtilisationSince(before) < 0.25)
            {
                return clock.Elapsed;
            }
        }

        return null;
    }

    /// <summary><paramref name="total"/> single items at <paramref name="rate"/> a second, every other one through the gateway.</summary>
    private async Task<IReadOnlyCollection<SingleSubmit>> SendAtSteadyRateAsync(int rate, int total)
    {
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        // made before the clock starts: the benchmark shares the cores with what it measures
        var items = Enumerable.Range(0, total).Select(_ => JsonSerializer.SerializeToUtf8Bytes(NextSingle())).ToArray();
        var submits = new ConcurrentBag<SingleSubmit>();
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = interval * i;
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var item = items[i];
            var viaGateway = i % 2 == 0;
            inFlight.Add(Task.Run(async () =>
            {
                var sentAt = DateTimeOffset.UtcNow;
                var started = Stopwatch.GetTimestamp();
                var id = await SubmitAsync(viaGateway ? gateway : intake, item);
                submits.Add(new SingleSubmit(viaGateway, id, sentAt, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            }));
        }

        await Task.WhenAll(inFlight);
        return submits;
    }

    /// <summary>Each item's time from its send until assignment recorded it, looked up once it is assigned.</summary>
    private async Task<IReadOnlyCollection<(SingleSubmit Submit, double Ms)>> AssignedLatenciesAsync(IReadOnlyCollection<SingleSubmit> submits)
    {
        var assignedLatencies = new ConcurrentBag<(SingleSubmit Submit, double Ms)>();
        await Parallel.ForEachAsync(submits, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (submit, cancellationToken) =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                using var response = await gateway.GetAsync($"/api/assignment/assignments/{submit.Id}", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    var assignedAt = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["assignedAt"]!.GetValue<DateTimeOffset>();
                    assignedLatencies.Add((submit, (assignedAt - submit.SentAt).TotalMilliseconds));
                    return;
                }

                await Task.Delay(AssignmentPollInterval, cancellationToken);
            }
        });
        return assignedLatencies;
    }

    private JsonObject NextSingle() =>
        _generator.Item("Suggestion", SessionYear, _runBase + Interlocked.Increment(ref _nextSingle));

    private static async Task<Guid> SubmitAsync(HttpClient client, byte[] item)
    {
        using var content = new ByteArrayContent(item);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("/api/intake/proposals", content);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"submit answered {(int)response.StatusCode}: {body}");
        }

        return body!["id"]!.GetValue<Guid>();
    }

    /// <summary>Polls intake's counts over every batch of the session until they reach <paramref name="expected"/>.</summary>
    private async Task<long> WaitForCountAsync(IReadOnlyList<string> batchReferences, string filter, long expected)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        long total = 0;
        while (DateTime.UtcNow < deadline)
        {
            var counts = await Task.WhenAll(batchReferences.Select(async reference =>
                (await gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?batchReference={reference}{filter}&pageSize=1"))!["total"]!.GetValue<long>()));
            total = counts.Sum();
            if (total >= expected)
            {
                return total;
            }

            await Task.Delay(CountPollInterval);
        }

        return total;
    }

    /// <summary>The submit and submit→assigned percentiles of <paramref name="submits"/>.</summary>
    private static SteadyResult Summary(IEnumerable<SingleSubmit> submits, IEnumerable<(SingleSubmit Submit, double Ms)> latencies)
    {
        var submitMs = submits.Select(s => s.SubmitMs).Order().ToArray();
        var assignedMs = latencies.Select(a => a.Ms).Order().ToArray();
        return new SteadyResult(submitMs.Length, assignedMs.Length, Percentile(submitMs, 50), Percentile(submitMs, 99),
            Percentile(assignedMs, 50), Percentile(assignedMs, 99), assignedMs.LastOrDefault());
    }

    private static double Percentile(double[] sorted, int percentile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
