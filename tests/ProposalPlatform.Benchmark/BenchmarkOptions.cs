using System.Globalization;

namespace ProposalPlatform.Benchmark;

public sealed record BenchmarkOptions(
    string Gateway,
    string Intake,
    int Suggestions,
    int Proposals,
    int BatchSize,
    int Rate,
    int Seconds,
    int WarmUpSeconds,
    string ClientFile,
    string? LatencyFile,
    int PostgresPort,
    string BrokerManagement,
    bool Recovery,
    IReadOnlyList<int> KneeRates,
    int KneeSeconds)
{
    /// <summary>Where <c>./platform.sh run</c> keeps the proposal office's machine client (as root; else under ~/.local/share).</summary>
    public static string DefaultClientFile => Environment.UserName == "root"
        ? "/var/lib/proposalplatform/office-client.json"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "proposalplatform", "office-client.json");

    public static BenchmarkOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        return new BenchmarkOptions(
            Value("--gateway", "http://localhost:5100"),
            Value("--intake", "http://localhost:5101"),
            Number("--suggestions", 9_200),
            Number("--proposals", 5_900),
            Number("--batch-size", 1_000),
            Number("--rate", 200),
            Number("--seconds", 15),
            Number("--warm-up-seconds", 10),
            Value("--client", DefaultClientFile),
            args.Contains("--latencies") ? Value("--latencies", "latencies.csv") : null,
            // the local PostgreSQL of ./platform.sh run, for the retention phase (which needs the data directory's superuser password)
            Number("--postgres-port", 24_432),
            // the local RabbitMQ's management API (guest/guest), for the recovery phase's reconciliation
            Value("--broker-management", "http://localhost:24673"),
            !args.Contains("--no-recovery"),
            // the steady rates (a second, rising) the knee is looked for among, each step for --knee-seconds
            [.. Value("--knee-rates", "100,150,200,250,300,350,400,450,500").Split(',').Select(rate => int.Parse(rate, CultureInfo.InvariantCulture))],
            Number("--knee-seconds", 10));
    }
}
