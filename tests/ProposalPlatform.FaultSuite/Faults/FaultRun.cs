using System.Diagnostics;
using System.Globalization;
using ProposalPlatform.Benchmark;

namespace ProposalPlatform.FaultSuite.Faults;

/// <param name="BatchSize">The items of the batch each run posts (at most 90,000).</param>
/// <param name="SinglesPerSecond">The single items sent beside it.</param>
/// <param name="ReconcileWithin">How long after the fault all must be reconciled, with no manual step.</param>
public sealed record FaultRunSettings(int BatchSize = 5_000, int SinglesPerSecond = 20, TimeSpan? ReconcileWithin = null)
{
    public TimeSpan Within => ReconcileWithin ?? TimeSpan.FromMinutes(2);
}

/// <summary>One row of the suite's table: the faults of one run and what came of them.</summary>
/// <param name="FirstSuccess">From the end of the fault to the first single item, sent since, answered with success.</param>
/// <param name="Reconciled">From the end of the fault until the reconciliation was first OK (null: not within the time).</param>
public sealed record FaultOutcome(
    string Fault,
    IReadOnlyDictionary<string, int> ClientErrors,
    TimeSpan? FirstSuccess,
    TimeSpan? Reconciled,
    int Acknowledged,
    Reconciliation Reconciliation,
    BatchOutcome Batch,
    int SinglesSent,
    int SinglesRefused,
    IReadOnlyList<string> Notes)
{
    public bool Ok => Reconciled is not null && Reconciliation.Ok && Batch.Completed && SinglesRefused == 0;
}

/// <summary>
/// One run of the fault suite: single items at a steady rate and one batch through the gateway; once
/// intake is taking the batch in, each of the faults in turn; then the clients finish what they were
/// doing (retrying what a passing fault refused) and the platform's databases and queues are reconciled
/// with what the clients were answered, until all agree or the time is up.
/// </summary>
public sealed class FaultRun(HttpClient gateway, PlatformProcesses processes, Reconciler reconciler, FaultRunSettings settings, Action<string> log)
{
    /// <summary>Single items go on this long after the fault once one succeeds again, and never longer than <see cref="SinglesAfterFault"/>.</summary>
    private static readonly TimeSpan SinglesTail = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SinglesAfterFault = TimeSpan.FromSeconds(60);

    /// <summary>The numbers a run may use: the batch's, then the single items'.</summary>
    private const int NumbersPerRun = 100_000;

    public async Task<FaultOutcome> RunAsync(IReadOnlyList<Fault> faults, CancellationToken cancellationToken = default)
    {
        var name = string.Join(", then ", faults.Select(f => f.Name));
        var (sessionYear, runBase) = await FreshNumbersAsync(cancellationToken);
        var generator = new SessionGenerator(seed: runBase);
        var items = generator.Items(sessionYear, settings.BatchSize, 0, runBase).ToList();
        var errors = new ClientErrors();
        var batch = new BatchUpload(gateway, string.Create(CultureInfo.InvariantCulture, $"FAULTS-{runBase}"), items, errors);
        var clock = Stopwatch.StartNew();
        var singles = new SteadySingles(gateway, generator, sessionYear, runBase + settings.BatchSize, settings.SinglesPerSecond, clock, errors);
        var deadLettersBefore = await reconciler.DeadLettersAsync(cancellationToken);
        if (deadLettersBefore.Values.Sum() is var old and > 0)
        {
            log($"[{name}] {old} messages were in the error queues before the run; only new ones count");
        }

        log($"[{name}] batch {batch.Reference} of {settings.BatchSize:N0} items (session {sessionYear}) and single items at {settings.SinglesPerSecond}/s");
        singles.Start();
        using var batchGiveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var upload = batch.RunAsync(batchGiveUp.Token);
        var notes = new List<Task<string>>();
        var faultEnd = TimeSpan.Zero;
        try
        {
            if (!await batch.UnderWayAsync(TimeSpan.FromSeconds(60), upload))
            {
                log($"[{name}] intake had not begun the batch after 60 s; putting the fault in anyway");
            }

            foreach (var fault in faults)
            {
                log(string.Create(CultureInfo.InvariantCulture, $"[{name}] {clock.Elapsed.TotalSeconds:F1} s: {fault.Name}"));
                var injection = await fault.InjectAsync(processes, clock, cancellationToken);
                faultEnd = injection.EndedAt;
                notes.Add(Prefixed(fault.Name, injection.Note));
            }

            log(string.Create(CultureInfo.InvariantCulture, $"[{name}] {faultEnd.TotalSeconds:F1} s: the fault is over; the clients finish, then the reconciliation"));
            while (clock.Elapsed - faultEnd < SinglesAfterFault)
            {
                if (singles.FirstSuccessAfter(faultEnd) is { } first && clock.Elapsed - faultEnd >= first + SinglesTail)
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
        catch
        {
            // the clients end with the run
            await batchGiveUp.CancelAsync();
            await singles.StopAsync(TimeSpan.Zero);
            throw;
        }

        // single items still unanswered get until 15 s past that, then count as not acknowledged
        await singles.StopAsync(Positive(faultEnd + SinglesAfterFault + TimeSpan.FromSeconds(15) - clock.Elapsed));
        batchGiveUp.CancelAfter(Positive(faultEnd + settings.Within - TimeSpan.FromSeconds(15) - clock.Elapsed));
        var batchOutcome = await upload;
        var acknowledged = new Acknowledged(sessionYear, [.. singles.Acknowledged, .. batchOutcome.AcknowledgedNumbers]);
        var (reconciliation, reconciledAt) = await reconciler.UntilReconciledAsync(acknowledged, deadLettersBefore, clock, faultEnd + settings.Within, cancellationToken);
        var outcome = new FaultOutcome(
            name,
            new Dictionary<string, int>(errors.Counts),
            singles.FirstSuccessAfter(faultEnd),
            reconciledAt - faultEnd,
            acknowledged.Numbers.Count,
            reconciliation,
            batchOutcome,
            singles.Sent,
            singles.Refused,
            [
                .. await Task.WhenAll(notes),
                string.Create(CultureInfo.InvariantCulture, $"batch {batchOutcome.Status} after {batchOutcome.Attempts} upload(s), {batchOutcome.AcknowledgedNumbers.Count:N0} rows acknowledged"),
                string.Create(CultureInfo.InvariantCulture, $"{singles.Sent:N0} single items sent, {singles.Acknowledged.Count:N0} acknowledged, {singles.Refused} refused, {singles.HeldBack} ticks held back ({SteadySingles.MaxInFlight} waiting)"),
                .. reconciliation.LeftOver,
            ]);
        log($"[{name}] {(outcome.Ok ? "OK" : "FAILED")}: {string.Join("; ", outcome.Notes)}");
        return outcome;
    }

    /// <summary>
    /// A session year and a block of <see cref="NumbersPerRun"/> numbers in it that no item holds yet, so that
    /// the run's items are all new and no other run's are counted with them. The years 1961–1998 are
    /// the suite's: no integration test counts their items.
    /// </summary>
    private async Task<(int SessionYear, int FirstNumber)> FreshNumbersAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (year, first) = (1961 + Random.Shared.Next(38), Random.Shared.Next(1, int.MaxValue / NumbersPerRun) * NumbersPerRun);
            if (!await reconciler.AnyStoredAsync(year, first, first + NumbersPerRun - 1, cancellationToken))
            {
                return (year, first);
            }
        }
    }

    private static async Task<string> Prefixed(string fault, Task<string> note) => $"{fault}: {await note}";

    private static TimeSpan Positive(TimeSpan span) => span > TimeSpan.Zero ? span : TimeSpan.FromMilliseconds(1);
}
