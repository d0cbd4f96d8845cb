using System.Globalization;
using ProposalPlatform.FaultSuite.Faults;

namespace ProposalPlatform.FaultSuite;

/// <summary>The command's options: where the running platform is, which faults, and the load beside them.</summary>
public sealed record FaultSuiteOptions(
    Uri Gateway,
    string DataDirectory,
    int PostgresPort,
    Uri BrokerManagement,
    int? AppHostPid,
    IReadOnlyList<Fault> Faults,
    FaultRunSettings Settings)
{
    /// <summary>Every service in turn, then the broker's outage and each of the database's.</summary>
    public const string DefaultFaults = "gateway,identity,intake,assignment,contactscheduling,reply,audit,reporting,notifications,broker,database";

    public const string Usage = """
        dotnet run -c Release --project tests/ProposalPlatform.FaultSuite -- [--faults LIST] [--batch-size 5000] [--rate 20]
            [--broker-outage 30] [--database-outages 30,120] [--reconcile-within 120]
            [--gateway http://localhost:5100] [--data-directory DIR] [--postgres-port 24432]
            [--broker-management http://localhost:24673] [--apphost-pid PID]
          LIST: comma-separated, in order, of: a service (gateway, identity, intake, assignment, contactscheduling,
          reply, audit, reporting, notifications: kill -9), broker (frozen for --broker-outage s), database (frozen for
          each of --database-outages s), broker-kill, database-kill (kill -9 of the server). Default:
          gateway,identity,intake,assignment,contactscheduling,reply,audit,reporting,notifications,broker,database
        """;

    /// <summary>Where <c>./platform.sh run</c> keeps its data: as root /var/lib/proposalplatform, else under ~/.local/share.</summary>
    public static string DefaultDataDirectory => Environment.UserName == "root"
        ? "/var/lib/proposalplatform"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "proposalplatform");

    public static FaultSuiteOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var brokerOutage = TimeSpan.FromSeconds(Number("--broker-outage", 30));
        var databaseOutages = Value("--database-outages", "30,120").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => TimeSpan.FromSeconds(int.Parse(s, CultureInfo.InvariantCulture))).ToList();
        var faults = Value("--faults", DefaultFaults).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(name => name switch
            {
                ServerFrozen.Broker => [new ServerFrozen(ServerFrozen.Broker, brokerOutage)],
                ServerFrozen.Database => databaseOutages.Select(outage => (Fault)new ServerFrozen(ServerFrozen.Database, outage)),
                "broker-kill" => [new ServerKilled(ServerFrozen.Broker)],
                "database-kill" => [new ServerKilled(ServerFrozen.Database)],
                _ when ServiceKilled.Programs.ContainsKey(name) => [new ServiceKilled(name)],
                _ => throw new ArgumentException($"No fault is called '{name}'.{Environment.NewLine}{Usage}"),
            })
            .ToList();
        var batchSize = Number("--batch-size", 5_000);
        if (batchSize is < 1 or > 90_000)
        {
            throw new ArgumentException("--batch-size is between 1 and 90,000.");
        }

        return new FaultSuiteOptions(
            new Uri(Value("--gateway", "http://localhost:5100")),
            Value("--data-directory", DefaultDataDirectory),
            Number("--postgres-port", 24_432),
            new Uri(Value("--broker-management", "http://localhost:24673")),
            args.Contains("--apphost-pid") ? Number("--apphost-pid", 0) : null,
            faults,
            new FaultRunSettings(batchSize, Number("--rate", 20), TimeSpan.FromSeconds(Number("--reconcile-within", 120))));
    }
}
