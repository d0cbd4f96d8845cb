using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Outbox;
using ProposalPlatform.Reporting.Data;

namespace ProposalPlatform.Reporting;

/// <summary>
/// <c>ProposalPlatform.Reporting rebuild</c>: empties the views and replays the event log into them
/// (<see cref="EventLogRebuild"/>), against the database of <c>ConnectionStrings__reportingdb</c>,
/// whether the service runs or not (its consumer waits while the rebuild holds the views). Needs no broker.
/// </summary>
public static class RebuildCommand
{
    public const string Verb = "rebuild";

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var connectionString = configuration.GetConnectionString(ResourceNames.ReportingDatabase);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync($"Set ConnectionStrings__{ResourceNames.ReportingDatabase} to the reporting database (./platform.sh rebuild-reporting does for a local run).");
            return 2;
        }

        DateTimeOffsetHandler.Register();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var rebuild = new EventLogRebuild(new PlatformDatabase(dataSource, new OutboxSignal()), TimeProvider.System, NullLogger<EventLogRebuild>.Instance);
        try
        {
            var result = await rebuild.RunAsync(CancellationToken.None);
            Console.WriteLine($"Rebuilt the reporting views from {result.Events} events of the log in {result.Took.TotalSeconds:0.0} s.");
            return 0;
        }
        catch (NpgsqlException ex)
        {
            await Console.Error.WriteLineAsync($"The rebuild failed and changed nothing: {ex.Message}");
            return 1;
        }
    }
}
