using System.Globalization;
using ProposalPlatform.FaultSuite.Faults;

namespace ProposalPlatform.Benchmark;

/// <summary>
/// The memory of the whole platform — the AppHost and every process it started, the orchestrator and the
/// servers included — sampled through the run. Every <see cref="Interval"/> each process's resident set
/// (VmRSS, /proc/PID/status), in which every page a process maps is counted, the pages it shares with
/// others (the runtime's libraries, mapped by every .NET process) as well; and its proportional set size
/// (PSS, /proc/PID/smaps_rollup), in which a shared page is divided among its sharers, so that the
/// processes' figures add up to the memory they take together. Reading PSS walks every mapping of the
/// process (some 50 ms for a .NET service under load; done for every process every second it took a
/// quarter of a core from what was measured), so a process's PSS is read again only once its resident
/// set has grown by a tenth since the last reading (and at the end), and is taken meanwhile as that
/// reading, or as the resident set where this has shrunk below it.
/// </summary>
public sealed class PlatformMemory : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private const double ReadAgainAfterGrowth = 1.1;

    private const string OwnPrograms = "ProposalPlatform.";

    private readonly PlatformProcesses _processes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly Dictionary<int, (long ResidentAtReading, long Proportional)> _readings = [];

    private PlatformMemory(PlatformProcesses processes)
    {
        _processes = processes;
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>Starts sampling the platform of the one AppHost that runs here, or says why it cannot.</summary>
    public static PlatformMemory? Start(out string? whyNot)
    {
        var appHosts = PlatformProcesses.AppHosts();
        whyNot = appHosts.Count == 1 ? null : $"{appHosts.Count} ProposalPlatform.AppHost processes run here, not one";
        return whyNot is null ? new PlatformMemory(new PlatformProcesses(appHosts[0])) : null;
    }

    /// <summary>The peaks of the resident sums (pages shared counted in each process).</summary>
    public Peaks Resident { get; } = new();

    /// <summary>The peaks of the proportional sums (pages shared divided among their sharers).</summary>
    public Peaks Proportional { get; } = new();

    public int Samples { get; private set; }

    public int ProportionalReadings { get; private set; }

    /// <summary>Ends the sampling, with one sample last in which every process's PSS is read.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
        Sample(readEveryProportional: true);
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            Sample(readEveryProportional: false);
        }
        while (await NextAsync(timer));
    }

    private void Sample(bool readEveryProportional)
    {
        var processes = _processes.All()
            .Select(process => (Group: GroupOf(process), process.Pid, Resident: ResidentKilobytes(process.Pid)))
            .Where(process => process.Resident > 0)
            .ToList();
        var proportional = processes.Select(process =>
        {
            if (readEveryProportional || !_readings.TryGetValue(process.Pid, out var reading) || process.Resident > reading.ResidentAtReading * ReadAgainAfterGrowth)
            {
                reading = (process.Resident, ProportionalKilobytes(process.Pid));
                _readings[process.Pid] = reading;
                ProportionalReadings++;
            }

            return (process.Group, Kilobytes: Math.Min(reading.Proportional, process.Resident));
        }).ToList();
        Resident.Add(Grouped(processes.Select(process => (process.Group, process.Resident))));
        Proportional.Add(Grouped(proportional));
        Samples++;
    }

    private static List<(string Group, long Kilobytes, int Processes)> Grouped(IEnumerable<(string Group, long Kilobytes)> processes) =>
        [.. processes
            .GroupBy(process => process.Group, StringComparer.Ordinal)
            .Select(group => (group.Key, group.Sum(p => p.Kilobytes), group.Count()))];

    private async Task<bool> NextAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The highest sums seen of one measure: of the platform's own programs, of all its processes, and of each group.</summary>
    public sealed class Peaks
    {
        private readonly Dictionary<string, (long Kilobytes, int Processes)> _byGroup = new(StringComparer.Ordinal);

        /// <summary>The highest sum, in KiB, of the platform's own programs (its services, gateway, portal and AppHost).</summary>
        public long OwnKilobytes { get; private set; }

        /// <summary>The highest sum, in KiB, of every process of the platform.</summary>
        public long TotalKilobytes { get; private set; }

        /// <summary>Each group's highest sum (KiB) and how many processes it had then, largest first.</summary>
        public IReadOnlyList<(string Group, long Kilobytes, int Processes)> ByGroup =>
            [.. _byGroup.Select(g => (g.Key, g.Value.Kilobytes, g.Value.Processes)).OrderByDescending(g => g.Kilobytes)];

        public void Add(IReadOnlyCollection<(string Group, long Kilobytes, int Processes)> sample)
        {
            TotalKilobytes = Math.Max(TotalKilobytes, sample.Sum(g => g.Kilobytes));
            OwnKilobytes = Math.Max(OwnKilobytes, sample.Where(g => g.Group.StartsWith(OwnPrograms, StringComparison.Ordinal)).Sum(g => g.Kilobytes));
            foreach (var (group, kilobytes, processes) in sample)
            {
                if (kilobytes > _byGroup.GetValueOrDefault(group).Kilobytes)
                {
                    _byGroup[group] = (kilobytes, processes);
                }
            }
        }
    }

    private static string GroupOf(PlatformProcesses.Entry process) => process.Name switch
    {
        "postgres" => "PostgreSQL",
        "beam.smp" or "erl_child_setup" or "epmd" or "inet_gethost" => "RabbitMQ",
        "dcp" => "Aspire orchestrator (dcp)",
        _ => PlatformProcess.ProgramOf(process.CommandLine)
            ?? (process.CommandLine.Contains("smtp4dev", StringComparison.Ordinal) ? "smtp4dev (local mail)" : "other (launch scripts)"),
    };

    /// <summary>The process's PSS in KiB; 0 for one that has ended, or a kernel thread.</summary>
    private static long ProportionalKilobytes(int pid) => Field($"/proc/{pid}/smaps_rollup", "Pss:");

    /// <summary>The process's resident set in KiB; 0 for one that has ended, or a kernel thread.</summary>
    private static long ResidentKilobytes(int pid) => Field($"/proc/{pid}/status", "VmRSS:");

    private static long Field(string path, string name)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith(name, StringComparison.Ordinal))
                {
                    return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // the process ended while we looked
        }

        return 0;
    }
}
