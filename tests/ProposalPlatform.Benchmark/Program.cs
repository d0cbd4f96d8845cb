using ProposalPlatform.Benchmark;
using ProposalPlatform.FaultSuite.Faults;

// Measures the running platform (./platform.sh run) and prints its figures:
//   dotnet run -c Release --project tests/ProposalPlatform.Benchmark -- [--gateway URL] [--intake URL]
//       [--suggestions 9200] [--proposals 5900] [--batch-size 1000] [--rate 200] [--seconds 15] [--client FILE]
//       [--warm-up-seconds 10] [--latencies FILE]   (each steady item's send time and latencies, as CSV)
//       [--postgres-port 24432]   (the local PostgreSQL, for the retention and recovery phases)
//       [--broker-management http://localhost:24673] [--no-recovery]   (the recovery phase: faults put in, then reconciled)
//       [--knee-rates 100,150,200,250,300,350,400,450,500] [--knee-seconds 10]   (the highest steady rate with p99 <= 100 ms)
// Every request carries the proposal office's access token, got with the machine client in the
// platform's office-client.json (or --client FILE), through the gateway and straight to intake alike.
var options = BenchmarkOptions.Parse(args);
using var gateway = new HttpClient { BaseAddress = new Uri(options.Gateway), Timeout = TimeSpan.FromMinutes(5) };
using var intake = new HttpClient { BaseAddress = new Uri(options.Intake), Timeout = TimeSpan.FromMinutes(5) };
var officeToken = new OfficeToken(options.Gateway, options.ClientFile);
var (token, lifetime) = await officeToken.RequestAsync();
OfficeToken.Use(token, gateway, intake);
var run = new BenchmarkRun(options, gateway, intake);
var memory = PlatformMemory.Start(out var noMemory);

Console.WriteLine($"ProposalPlatform benchmark — gateway {options.Gateway}, intake direct {options.Intake}, {Environment.ProcessorCount} cores");
Console.WriteLine($"The platform holds {await run.StoredItemsAsync():N0} items before this run; intake has been up {IntakeUptime()}.");

// cold: before anything of this run has warmed the platform up (right after ./platform.sh run, its code not yet compiled fully)
PrintSession("cold, before the warm-up", await run.SessionThroughputAsync(run.ColdSessionYear, cold: true));

Console.WriteLine();
Console.WriteLine($"Warming up: a batch of 200 items and its register export, then single items at {options.Rate}/s for {options.WarmUpSeconds} s, until all are assigned.");
await run.WarmUpAsync();
PrintSession("warm", await run.SessionThroughputAsync(run.SessionYear, cold: false));

var statistics = await new ReportingPhase(gateway).AnnualStatisticsAsync(run.SessionYear);
Console.WriteLine($"Annual statistics of the session year ({statistics.Items:N0} items, reporting caught up {statistics.CaughtUpAfter.TotalSeconds:F1} s after the last was assigned):");
Console.WriteLine($"  median {statistics.MedianMs:F0} ms, worst {statistics.WorstMs:F0} ms of {ReportingPhase.Calls} calls; target <= 200 ms");
var export = await run.RegisterExportAsync();
Console.WriteLine($"Register export of {export.Rows:N0} items (the session's year) to Excel through the gateway: {export.Took.TotalSeconds:F1} s to the last byte, {export.Bytes / 1048576.0:F1} MiB; target <= 5 s for 15,100 items");
Console.WriteLine($"  intake's peak resident memory {export.IntakePeakKbBefore / 1024.0:F0} MiB before the export, {export.IntakePeakKbAfter / 1024.0:F0} MiB after");

if (PortalPhase.CanRun)
{
    var portal = await new PortalPhase(gateway, options.Gateway).RunAsync(run.SessionYear);
    Console.WriteLine($"Web portal in chromium, a handler of {portal.Unit} (worklist of {portal.WorklistItems:N0} open items it leads or co-handles, {await run.StoredItemsAsync():N0} items stored):");
    Console.WriteLine($"  item page (facts, story, contacts, reply) opened in the portal: median {portal.ItemPage.MedianMs:F0} ms, worst {portal.ItemPage.WorstMs:F0} ms; target <= 300 ms");
    Console.WriteLine($"  worklist opened in the portal: median {portal.Worklist.MedianMs:F0} ms, worst {portal.Worklist.WorstMs:F0} ms; target <= 300 ms");
    Console.WriteLine($"  item page loaded afresh in a new tab (warm): median {portal.FirstLoad.MedianMs:F0} ms, worst {portal.FirstLoad.WorstMs:F0} ms; target <= 1500 ms");
}
else
{
    Console.WriteLine($"Web portal: skipped (no {PortalPhase.Chromium}; ./platform.sh test installs it)");
}

Console.WriteLine();
Console.WriteLine($"Single items at a steady {options.Rate}/s for {options.Seconds} s, alternately through the gateway and straight to intake (submit -> assigned):");
var steadyFrom = DateTimeOffset.UtcNow;
var (viaGateway, direct, cpu) = await run.SteadyRateAsync();
Console.WriteLine($"  via gateway:   {viaGateway}");
Console.WriteLine($"  intake direct: {direct}");
Console.WriteLine($"  the gateway adds {Overhead(viaGateway.SubmitP50, direct.SubmitP50)} to the submit round trip at p50, {Overhead(viaGateway.SubmitP99, direct.SubmitP99)} at p99; target <= +15 % at both");
PrintCpu("  CPU while sending", cpu);
Console.WriteLine($"  target <= 3.5 ms of CPU per single item, all processes included");

Console.WriteLine();
Console.WriteLine($"The knee: single items at rising steady rates, {options.KneeSeconds} s each on a platform at rest, both routes alternately, until submit->assigned p99 > {BenchmarkRun.KneeP99Milliseconds} ms:");
var knee = await run.KneeAsync(options.KneeRates, options.KneeSeconds, (rate, result, held, waited) =>
    Console.WriteLine($"  {rate,4}/s ({(waited is { } w ? $"at rest after {w.TotalSeconds:F0} s" : "NOT at rest after 3 min")}): {result} -> {(held ? "holds" : "does not hold")}"));
Console.WriteLine(knee.LastOrDefault(step => step.Held) is { Rate: > 0 } highest
    ? $"  knee: {highest.Rate}/s{(knee.All(step => step.Held) ? $" (or higher: every rate up to {highest.Rate}/s held)" : "")}; target >= 400/s"
    : $"  knee: below {options.KneeRates[0]}/s; target >= 400/s");

Console.WriteLine();
var audit = await run.AuditTrailAsync(steadyFrom, viaGateway.Sent + direct.Sent);
Console.WriteLine($"Audit trail: the steady phase's {audit.Writes} registrations were all in the trail {audit.LagAfterAssigned.TotalSeconds:F1} s after the last was assigned (target <= 5 s);");
Console.WriteLine($"  verifying the whole chain ({audit.ChainRecords:N0} records) took {audit.Verification.TotalMilliseconds:F0} ms -> {(audit.Verified ? "verified" : "BROKEN")}");

var retention = new RetentionPhase(options);
if (retention.CanRun)
{
    const int pastTheirAge = 50_000;
    Console.WriteLine($"Retention: intake purges {pastTheirAge:N0} sent outbox rows and {pastTheirAge:N0} inbox ids past their age (batches of 1,000, 100 ms apart) beside single items at {options.Rate}/s:");
    var purge = await retention.RunAsync(run, pastTheirAge, options.Seconds);
    Console.WriteLine($"  the purge took {purge.PurgeTook.TotalSeconds:F1} s; submit->assigned p99 {purge.Beside.AssignedP99:F1} ms beside it, {purge.Alone.AssignedP99:F1} ms just before (x{purge.Beside.AssignedP99 / purge.Alone.AssignedP99:F2}; target p99 <= 100 ms)");
}
else
{
    Console.WriteLine($"Retention: skipped (no local PostgreSQL password in {Path.GetDirectoryName(options.ClientFile)})");
}

Console.WriteLine();
Console.WriteLine($"One district's system floods the gateway over {FloodPhase.FloodConnections} connections while another reads at a steady {FloodPhase.SteadyPerSecond}/s (5 s alone, then 5 s beside the flood):");
foreach (var (rate, what) in new[] { ((int?)FloodPhase.FloodPerSecond, $"at {FloodPhase.FloodPerSecond} calls/s"), (null, "as fast as it can") })
{
    var flood = await new FloodPhase(gateway, options.Gateway).RunAsync(TimeSpan.FromSeconds(5), rate);
    Console.WriteLine($"  flood {what}: {flood.FloodSent} calls ({flood.FloodPerSecond:F0}/s), {flood.FloodRefused} refused with 429, {flood.FloodAnswered} answered");
    Console.WriteLine($"    the other district: p95 {flood.QuietP95:F1} ms alone, {flood.FloodP95:F1} ms beside the flood (x{flood.Ratio:F2}; target <= 2), {flood.OtherRefused} of its calls refused (target 0)");
}

Console.WriteLine();
Console.WriteLine($"Merged handling (并案) of {MergedHandlingPhase.Items} similar suggestions of the {MergedHandlingPhase.SessionYear} session, {MergedHandlingPhase.Rounds} rounds of a text of their own:");
var merged = await new MergedHandlingPhase(gateway, options.Gateway).RunAsync();
Console.WriteLine($"  the office confirms the cluster in one decision: median {merged.Confirm.MedianMs:F0} ms, worst {merged.Confirm.WorstMs:F0} ms; target <= 500 ms");
Console.WriteLine($"  the office forms the group: median {merged.Form.MedianMs:F0} ms, worst {merged.Form.WorstMs:F0} ms; target <= 500 ms");
Console.WriteLine($"  the lead unit ({merged.Unit}) issues once, answering all {MergedHandlingPhase.Items}: median {merged.Issue.MedianMs:F0} ms, worst {merged.Issue.WorstMs:F0} ms; target <= 3000 ms");
Console.WriteLine($"  reconciliation (each round all {MergedHandlingPhase.Items * (MergedHandlingPhase.Items - 1) / 2} pairs confirmed, {MergedHandlingPhase.Items} items in the group, {MergedHandlingPhase.Items} replies issued) -> {(merged.Reconciled ? "OK" : "MISMATCH")}");

Console.WriteLine();
Console.WriteLine($"Checking a token (signature, issuer, audience, lifetime; every service and the gateway do it on every request): "
    + $"{await officeToken.ValidationMicrosecondsAsync(token):F1} µs of one core per check; the token lives {lifetime.TotalMinutes:F0} min (target <= 15)");

Console.WriteLine();
var letters = LetterPhase.Run();
Console.WriteLine($"Setting a reply letter as PDF (the reply service sets the letter and its public version on every issue, holding the year's number): "
    + $"letter render ms (median) {letters.Letter.MedianMs:F1}, worst {letters.Letter.WorstMs:F1} of {LetterPhase.Renders}; the first (font read from disk) {letters.FirstMs:F0} ms; {letters.Bytes / 1024.0:F0} KiB");

Console.WriteLine();
var recovery = new RecoveryPhase(options);
if (!options.Recovery)
{
    Console.WriteLine("Recovery: skipped (--no-recovery)");
}
else if (recovery.CannotRun is { } why)
{
    Console.WriteLine($"Recovery: skipped ({why})");
}
else
{
    Console.WriteLine($"Recovery: during a batch of 5,000 items and single items at 20/s, {string.Join(", then ", RecoveryPhase.Faults.Select(f => f.Name))} (the fault suite's run):");
    var outcome = await recovery.RunAsync(line => Console.WriteLine($"    {line}"));
    Console.Write(string.Join(Environment.NewLine, FaultTable.Format([outcome]).TrimEnd().Split(Environment.NewLine).Select(line => $"  {line}")) + Environment.NewLine);
    Console.WriteLine($"  every acknowledged item stored, assigned and known to every service {(outcome.Reconciled is { } r ? $"{r.TotalSeconds:F1} s" : "NEVER")} after the last fault; target <= 120 s, lost / twice / stuck 0 -> {(outcome.Ok ? "OK" : "FAILED")}");
}

Console.WriteLine();
var peaks = ProcessMemory.PeakKilobytesByProcess();
if (memory is null)
{
    Console.WriteLine($"Memory of the whole platform: not sampled ({noMemory})");
}
else
{
    await memory.DisposeAsync();
    Console.WriteLine($"Memory through the whole run, every process the AppHost started, every {PlatformMemory.Interval.TotalSeconds:F0} s ({memory.Samples} samples): "
        + $"resident (RSS, pages shared counted in each process) and proportional (PSS, pages shared divided among their sharers: the figures add up; "
        + $"{memory.ProportionalReadings:N0} readings, each process's again once it grew by a tenth):");
    Console.WriteLine($"  the platform's .NET processes together: peak {memory.Proportional.OwnKilobytes / 1024.0:F0} MiB PSS, {memory.Resident.OwnKilobytes / 1024.0:F0} MiB RSS; target <= 1024 MiB");
    Console.WriteLine($"  the whole platform, the servers, the orchestrator and the dashboard included: peak {memory.Proportional.TotalKilobytes / 1024.0:F0} MiB PSS, "
        + $"{memory.Resident.TotalKilobytes / 1024.0:F0} MiB RSS; each part at its own peak (PSS):");
    foreach (var (group, kb, processes) in memory.Proportional.ByGroup)
    {
        Console.WriteLine($"    {group,-40} {kb / 1024.0,8:F0} MiB{(processes > 1 ? $" ({processes} processes)" : "")}");
    }
}

Console.WriteLine($"Peak resident memory (VmHWM: the pages it shares counted in each) of each .NET process, {peaks.Values.Sum() / 1024.0:F0} MiB in all:");
foreach (var (process, kb) in peaks)
{
    Console.WriteLine($"  {process,-40} {kb / 1024.0,8:F0} MiB");
}

static void PrintSession(string which, SessionResult session)
{
    Console.WriteLine();
    Console.WriteLine($"Whole session through the gateway ({which}): {session.Items} items in batches");
    Console.WriteLine($"  accepted {session.Accepted}, rejected {session.Rejected}; all stored after {session.StoredAfter.TotalSeconds:F1} s, all assigned after {session.AssignedAfter.TotalSeconds:F1} s");
    Console.WriteLine($"  throughput {session.Items / session.AssignedAfter.TotalSeconds:F0} items/s (first byte sent -> every item assigned); target >= 3000 items/s, 15,100 items in <= 5 s");
    Console.WriteLine($"  reconciliation: sent {session.Items}, stored {session.Stored}, assigned {session.Assigned}, twice {session.Duplicates} -> {(session.Items == session.Stored && session.Stored == session.Assigned && session.Duplicates == 0 ? "OK" : "MISMATCH")}");
    PrintCpu("  CPU from the first byte to the last item assigned", session.Cpu);
}

static string Overhead(double viaGateway, double direct) => $"{(viaGateway / direct - 1) * 100:+0;-0;0} % ({viaGateway - direct:+0.0;-0.0;0.0} ms)";

// how long the platform had been running: a cold figure is one taken right after its start
static string IntakeUptime() =>
    PlatformProcesses.AppHosts() is [var appHost] && new PlatformProcesses(appHost).OfProgram("ProposalPlatform.Intake") is [var pid, ..]
        ? $"{(DateTime.Now - System.Diagnostics.Process.GetProcessById(pid).StartTime).TotalSeconds:F0} s"
        : "(not known: not exactly one AppHost runs here)";

static void PrintCpu(string what, CpuUse cpu)
{
    Console.WriteLine($"{what}: cores {cpu.Utilisation * 100:F0}% busy; {cpu.PerItem.Sum(g => g.MillisecondsPerItem):F2} ms per item in all, of which:");
    foreach (var (group, ms) in cpu.PerItem.Where(g => g.MillisecondsPerItem >= 0.05))
    {
        Console.WriteLine($"    {group,-40} {ms,6:F2} ms");
    }
}
