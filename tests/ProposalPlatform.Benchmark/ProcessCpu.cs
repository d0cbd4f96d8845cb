using System.Globalization;

namespace ProposalPlatform.Benchmark;

/// <summary>
/// CPU time the processes of the machine have used, read from /proc and grouped by what they are
/// (a service, the dashboard, RabbitMQ, PostgreSQL by database): the difference of two readings
/// says where the work of a phase went.
/// </summary>
public sealed class ProcessCpu
{
    private static readonly double TicksPerMillisecond = 100 / 1000.0; // USER_HZ, 100 on Linux

    private readonly Dictionary<int, (string Group, long Ticks)> _byProcess;
    private readonly long _machineBusy;
    private readonly long _machineTotal;

    private ProcessCpu(Dictionary<int, (string, long)> byProcess, long machineBusy, long machineTotal)
    {
        _byProcess = byProcess;
        _machineBusy = machineBusy;
        _machineTotal = machineTotal;
    }

    public static ProcessCpu Read()
    {
        var byProcess = new Dictionary<int, (string, long)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // the fields after the command name, which may itself hold spaces and parentheses
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                var cmdline = PlatformProcess.CommandLine(dir);
                byProcess[pid] = (GroupOf(cmdline, stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')]), ticks);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // the process ended while we looked
            }
        }

        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = cpu[3] + cpu[4]; // idle and iowait
        return new ProcessCpu(byProcess, cpu.Sum() - idle, cpu.Sum());
    }

    /// <summary>Milliseconds of CPU each group used between <paramref name="before"/> and this reading, largest first.</summary>
    public IReadOnlyList<(string Group, double Milliseconds)> Since(ProcessCpu before) =>
        [.. _byProcess
            .GroupBy(p => p.Value.Group)
            .Select(g => (Group: g.Key, Milliseconds: g.Sum(p => p.Value.Ticks - (before._byProcess.TryGetValue(p.Key, out var b) && b.Group == p.Value.Group ? b.Ticks : 0)) / TicksPerMillisecond))
            .Where(g => g.Milliseconds > 0)
            .OrderByDescending(g => g.Milliseconds)];

    /// <summary>How busy the machine's cores were between the two readings, 0 to 1.</summary>
    public double UtilisationSince(ProcessCpu before) =>
        _machineTotal == before._machineTotal ? 0 : (double)(_machineBusy - before._machineBusy) / (_machineTotal - before._machineTotal);

    private static string GroupOf(string cmdline, string name)
    {
        if (cmdline.StartsWith("postgres: ", StringComparison.Ordinal))
        {
            // "postgres: user database host(port) state" for a backend, "postgres: checkpointer" for the server's own
            var parts = cmdline.Split(' ');
            return parts.Length >= 4 && parts[3].Contains('(', StringComparison.Ordinal) ? $"PostgreSQL {parts[2]}" : "PostgreSQL (server)";
        }

        if (name == "beam.smp")
        {
            return "RabbitMQ";
        }

        return PlatformProcess.ProgramOf(cmdline) ?? name switch
        {
            "dcp" => "Aspire orchestrator (dcp)",
            "postgres" => "PostgreSQL (server)",
            // by name: a kernel thread (the machine's own, e.g. kdamond.0, the kernel's memory monitor) or a tool
            _ => $"other: {name}",
        };
    }
}
