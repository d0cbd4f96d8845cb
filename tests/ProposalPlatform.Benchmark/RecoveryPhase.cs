using System.Text.Json.Nodes;
using ProposalPlatform.FaultSuite.Faults;
using ProposalPlatform.IntegrationTests.Platform;

namespace ProposalPlatform.Benchmark;

/// <summary>
/// How the platform rides out faults, measured with the fault suite's own code (tests/ProposalPlatform.FaultSuite):
/// during a batch of 5,000 items and single items at 20 a second through the gateway, the database
/// is frozen (SIGSTOP) for 30 s, then the broker for 30 s, then intake is killed with kill -9 (the
/// AppHost starts it again); afterwards, with no manual step, the platform is reconciled with what the
/// clients were answered. Its figures: how long after the last fault every acknowledged item was
/// stored, assigned and known to every service (target ≤ 2 min), and lost / twice / stuck (target 0).
/// It needs a local platform (./platform.sh run): the superuser's password in the data directory, the
/// broker's management API, and the one AppHost process below which the faults are put in.
/// </summary>
public sealed class RecoveryPhase(BenchmarkOptions options)
{
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    private string DataDirectory => Path.GetDirectoryName(options.ClientFile)!;

    private string PasswordFile => Path.Combine(DataDirectory, "postgres.password");

    /// <summary>Why the phase cannot run here, or null.</summary>
    public string? CannotRun =>
        !File.Exists(PasswordFile) ? $"no local PostgreSQL password in {DataDirectory}"
        : PlatformProcesses.AppHosts().Count != 1 ? "not exactly one ProposalPlatform.AppHost process runs"
        : null;

    public static IReadOnlyList<Fault> Faults =>
        [new ServerFrozen(ServerFrozen.Database, Outage), new ServerFrozen(ServerFrozen.Broker, Outage), new ServiceKilled("intake")];

    public async Task<FaultOutcome> RunAsync(Action<string> log)
    {
        var client = JsonNode.Parse(await File.ReadAllTextAsync(options.ClientFile))!;
        var gatewayAddress = new Uri(options.Gateway);
        // a token of its own that renews itself: the phase comes late in the run, and outlasts a token
        using var gateway = new HttpClient(new ClientCredentialsHandler(
            new Uri(gatewayAddress, "/connect/token"), client["clientId"]!.GetValue<string>(), client["clientSecret"]!.GetValue<string>()))
        {
            BaseAddress = gatewayAddress,
            // each of the fault run's requests has a time limit of its own
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var management = Reconciler.Management(new Uri(options.BrokerManagement));
        var postgres = await Reconciler.LocalSuperuserAsync(options.PostgresPort, PasswordFile);
        var run = new FaultRun(gateway, new PlatformProcesses(PlatformProcesses.AppHosts()[0]), new Reconciler(postgres, management), new FaultRunSettings(), log);
        return await run.RunAsync(Faults);
    }
}
