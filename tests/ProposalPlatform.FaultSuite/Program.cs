using System.Text.Json.Nodes;
using ProposalPlatform.FaultSuite;
using ProposalPlatform.FaultSuite.Faults;
using ProposalPlatform.IntegrationTests.Platform;

// Puts the running platform (./platform.sh run) through each fault in turn during a batch and steady
// single items, reconciles after each, and prints the table; exits 1 when any fault failed.
//   dotnet run -c Release --project tests/ProposalPlatform.FaultSuite -- [--faults LIST] [--batch-size 5000] …
// (FaultSuiteOptions.Usage says every option.)
FaultSuiteOptions options;
try
{
    options = FaultSuiteOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var clientFile = Path.Combine(options.DataDirectory, "office-client.json");
var passwordFile = Path.Combine(options.DataDirectory, "postgres.password");
if (!File.Exists(clientFile) || !File.Exists(passwordFile))
{
    Console.Error.WriteLine($"No office-client.json and postgres.password in {options.DataDirectory}: start the platform first (./platform.sh run), or give --data-directory DIR.");
    return 2;
}

IReadOnlyList<int> appHosts = options.AppHostPid is { } given ? [given] : PlatformProcesses.AppHosts();
if (appHosts.Count != 1)
{
    Console.Error.WriteLine(appHosts.Count == 0
        ? "No ProposalPlatform.AppHost process runs: start the platform first (./platform.sh run)."
        : $"Several ProposalPlatform.AppHost processes run ({string.Join(", ", appHosts)}): name the platform's with --apphost-pid PID.");
    return 2;
}

var client = JsonNode.Parse(await File.ReadAllTextAsync(clientFile))!;
using var gateway = new HttpClient(new ClientCredentialsHandler(
    new Uri(options.Gateway, "/connect/token"), client["clientId"]!.GetValue<string>(), client["clientSecret"]!.GetValue<string>()))
{
    BaseAddress = options.Gateway,
    // each request has a time limit of its own
    Timeout = Timeout.InfiniteTimeSpan,
};
using var management = Reconciler.Management(options.BrokerManagement);
var postgres = await Reconciler.LocalSuperuserAsync(options.PostgresPort, passwordFile);

// Ctrl+C ends the run, and thaws a frozen server first
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

Console.WriteLine($"ProposalPlatform fault suite — gateway {options.Gateway}, the platform below process {appHosts[0]}, {options.Faults.Count} faults");
var run = new FaultRun(gateway, new PlatformProcesses(appHosts[0]), new Reconciler(postgres, management), options.Settings, Console.WriteLine);
var outcomes = new List<FaultOutcome>();
try
{
    foreach (var fault in options.Faults)
    {
        outcomes.Add(await run.RunAsync([fault], stop.Token));
    }
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.WriteLine("Stopped.");
}

Console.WriteLine();
Console.Write(FaultTable.Format(outcomes));
return outcomes.Count == options.Faults.Count && outcomes.All(o => o.Ok) ? 0 : 1;
