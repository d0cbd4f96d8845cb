using System.Diagnostics;
using System.Globalization;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.FaultSuite.Faults;

/// <summary>A fault once put in: when it was over, and what came of it for the processes it hit (told once known).</summary>
public sealed record FaultInjection(TimeSpan EndedAt, Task<string> Note);

/// <summary>One fault the suite puts the platform through.</summary>
public abstract record Fault(string Name)
{
    /// <summary>How long after a kill the suite looks for the AppHost to have started the process again.</summary>
    public static readonly TimeSpan RestartWithin = TimeSpan.FromMinutes(2);

    /// <summary>Puts the fault in and returns once it is over: the process killed, or the server running again after its outage.</summary>
    public abstract Task<FaultInjection> InjectAsync(PlatformProcesses processes, Stopwatch clock, CancellationToken cancellationToken);

    /// <summary>
    /// Once <paramref name="killed"/> are dead: how long until the AppHost has started another process
    /// of the kind <paramref name="running"/> finds.
    /// </summary>
    protected static async Task<string> RestartedAsync(Func<IReadOnlyList<int>> running, IReadOnlyList<int> killed, Stopwatch clock, TimeSpan killedAt)
    {
        while (clock.Elapsed - killedAt < RestartWithin)
        {
            if (running().Except(killed).Any())
            {
                return string.Create(CultureInfo.InvariantCulture, $"running again after {(clock.Elapsed - killedAt).TotalSeconds:F1} s");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        return $"NOT running again after {RestartWithin.TotalMinutes:F0} min";
    }
}

/// <summary>kill -9 of every process of one of the platform's services; the AppHost's restart policy starts it again.</summary>
public sealed record ServiceKilled(string Service) : Fault($"kill -9 {Service}")
{
    /// <summary>The services the suite kills, by resource name, with the program each one runs.</summary>
    public static readonly IReadOnlyDictionary<string, string> Programs = new Dictionary<string, string>
    {
        [ResourceNames.Gateway] = "ProposalPlatform.Gateway",
        [ResourceNames.Identity] = "ProposalPlatform.Identity",
        [ResourceNames.Intake] = "ProposalPlatform.Intake",
        [ResourceNames.Assignment] = "ProposalPlatform.Assignment",
        [ResourceNames.ContactScheduling] = "ProposalPlatform.ContactScheduling",
        [ResourceNames.Reply] = "ProposalPlatform.Reply",
        [ResourceNames.Audit] = "ProposalPlatform.Audit",
        [ResourceNames.Reporting] = "ProposalPlatform.Reporting",
        [ResourceNames.Notifications] = "ProposalPlatform.Notifications",
    };

    public override Task<FaultInjection> InjectAsync(PlatformProcesses processes, Stopwatch clock, CancellationToken cancellationToken)
    {
        var program = Programs[Service];
        var killed = processes.OfProgram(program);
        if (killed.Count == 0)
        {
            throw new InvalidOperationException($"No process of {program} runs below process {processes.Root}.");
        }

        PlatformProcesses.Signal("KILL", killed);
        var at = clock.Elapsed;
        return Task.FromResult(new FaultInjection(at, RestartedAsync(() => processes.OfProgram(program), killed, clock, at)));
    }
}

/// <summary>
/// The broker or the database frozen: SIGSTOP to the server and every process below it, SIGCONT
/// after <paramref name="Outage"/>. A real outage of the server that the AppHost cannot mend by a
/// restart (the processes live on): connections stay open and go unanswered, as behind a network
/// partition or a server that hangs, and nothing is lost or recovered from disk.
/// </summary>
public sealed record ServerFrozen(string Server, TimeSpan Outage)
    : Fault(string.Create(CultureInfo.InvariantCulture, $"{Server} frozen {Outage.TotalSeconds:F0} s"))
{
    public const string Broker = "broker";
    public const string Database = "database";

    public override async Task<FaultInjection> InjectAsync(PlatformProcesses processes, Stopwatch clock, CancellationToken cancellationToken)
    {
        var frozen = Server == Broker ? processes.Broker() : processes.Database();
        if (frozen.Count == 0)
        {
            throw new InvalidOperationException($"No {Server} process runs below process {processes.Root}.");
        }

        PlatformProcesses.Signal("STOP", frozen);
        try
        {
            // the outage itself: its length is the fault, not a wait for an outcome
            await Task.Delay(Outage, cancellationToken);
        }
        finally
        {
            PlatformProcesses.Signal("CONT", frozen);
        }

        return new FaultInjection(clock.Elapsed, Task.FromResult($"{frozen.Count} processes stopped and continued"));
    }
}

/// <summary>kill -9 of the broker's or the database's server and every process below it; the AppHost starts it again (PostgreSQL then recovers from its WAL).</summary>
public sealed record ServerKilled(string Server) : Fault($"kill -9 {Server}")
{
    public override Task<FaultInjection> InjectAsync(PlatformProcesses processes, Stopwatch clock, CancellationToken cancellationToken)
    {
        var main = Server == ServerFrozen.Broker ? processes.Broker : (Func<IReadOnlyList<int>>)processes.Database;
        var killed = main();
        if (killed.Count == 0)
        {
            throw new InvalidOperationException($"No {Server} process runs below process {processes.Root}.");
        }

        PlatformProcesses.Signal("KILL", killed);
        var at = clock.Elapsed;
        return Task.FromResult(new FaultInjection(at, RestartedAsync(main, killed, clock, at)));
    }
}
