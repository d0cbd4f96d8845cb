using System.Diagnostics;
using System.Globalization;
using ProposalPlatform.Benchmark;

namespace ProposalPlatform.FaultSuite.Faults;

/// <summary>
/// The processes of one running platform, as Linux's /proc tells them: those whose ancestors include
/// <see cref="Root"/> — the AppHost, or the test host that runs it — or the orchestrator it started,
/// so that a fault never reaches another platform on the same machine. Parents are read from each
/// process's <c>stat</c>, so a child started by any thread of its parent counts.
/// </summary>
public sealed class PlatformProcesses(int root)
{
    /// <summary>One process: its id, its parent's, its name (<c>comm</c>) and its command line.</summary>
    public sealed record Entry(int Pid, int Parent, string Name, string CommandLine);

    public int Root => root;

    /// <summary>The root and every process below it (<see cref="Below"/>): the whole platform.</summary>
    public IReadOnlyList<Entry> All()
    {
        var all = Read();
        return [.. all.Where(p => p.Pid == root), .. Below(all)];
    }

    /// <summary>The processes running the platform's <paramref name="program"/> ("ProposalPlatform.Intake"), not a <c>dotnet run</c> that may have started them.</summary>
    public IReadOnlyList<int> OfProgram(string program) =>
        [.. Below().Where(p => PlatformProcess.ProgramOf(p.CommandLine) == program).Select(p => p.Pid)];

    /// <summary>The machine's AppHost processes (<c>./platform.sh run</c> starts one): the roots of running platforms.</summary>
    public static IReadOnlyList<int> AppHosts() =>
        [.. Read().Where(p => PlatformProcess.ProgramOf(p.CommandLine) == "ProposalPlatform.AppHost").Select(p => p.Pid)];

    /// <summary>RabbitMQ's Erlang VM and every process below it.</summary>
    public IReadOnlyList<int> Broker() => Server(p => p.Name == "beam.smp");

    /// <summary>PostgreSQL's postmaster (the one that kept its command line) and every backend and worker below it.</summary>
    public IReadOnlyList<int> Database() =>
        Server(p => p.Name == "postgres" && !p.CommandLine.StartsWith("postgres:", StringComparison.Ordinal));

    /// <summary>Sends <paramref name="signal"/> ("KILL", "STOP", "CONT") to each of <paramref name="pids"/> at once; one that has ended meanwhile is passed over.</summary>
    public static void Signal(string signal, IReadOnlyCollection<int> pids)
    {
        if (pids.Count == 0)
        {
            return;
        }

        var start = new ProcessStartInfo("kill") { RedirectStandardError = true };
        start.ArgumentList.Add("-s");
        start.ArgumentList.Add(signal);
        start.ArgumentList.Add("--");
        foreach (var pid in pids)
        {
            start.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
        }

        using var kill = Process.Start(start)!;
        kill.StandardError.ReadToEnd();
        kill.WaitForExit();
    }

    /// <summary>The main process of a server and everything below it, main processes first.</summary>
    private List<int> Server(Func<Entry, bool> isMain)
    {
        var below = Below();
        var mains = below.Where(isMain).ToList();
        return [.. mains.Select(p => p.Pid), .. mains.SelectMany(main => Descendants(below, main.Pid)).Select(p => p.Pid)];
    }

    /// <summary>
    /// Every process below the root, and the orchestrator (DCP) it started and every process below that:
    /// DCP detaches itself (its parent is init) and names the process it serves with <c>--monitor PID</c>.
    /// </summary>
    private List<Entry> Below() => Below(Read());

    private List<Entry> Below(List<Entry> all)
    {
        var rootPid = root.ToString(CultureInfo.InvariantCulture);
        var orchestrators = all.Where(p => p.Name == "dcp" && p.CommandLine.Split(' ') is var args
            && args.Zip(args.Skip(1)).Contains(("--monitor", rootPid))).ToList();
        return [.. orchestrators, .. orchestrators.Select(p => p.Pid).Prepend(root).SelectMany(pid => Descendants(all, pid)).DistinctBy(p => p.Pid)];
    }

    private static List<Entry> Descendants(IReadOnlyCollection<Entry> all, int ancestor)
    {
        var children = all.ToLookup(p => p.Parent);
        var found = new List<Entry>();
        var next = new Queue<int>([ancestor]);
        while (next.TryDequeue(out var pid))
        {
            foreach (var child in children[pid])
            {
                found.Add(child);
                next.Enqueue(child.Pid);
            }
        }

        return found;
    }

    private static List<Entry> Read()
    {
        var entries = new List<Entry>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // "pid (name) state ppid …": the name may itself hold spaces and parentheses
                var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                entries.Add(new Entry(pid, parent, name, PlatformProcess.CommandLine(directory)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // the process ended while we looked
            }
        }

        return entries;
    }
}
