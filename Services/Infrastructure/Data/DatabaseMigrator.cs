using System.Reflection;
using DbUp;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;

namespace ProposalPlatform.Infrastructure.Data;

/// <summary>
/// Creates the service's database if it is missing and runs the numbered SQL scripts embedded in the
/// service (and the shared outbox/inbox scripts) with DbUp. Registered before the bus and the relay,
/// so nothing reads or consumes before the schema exists.
/// </summary>
public sealed partial class DatabaseMigrator(
    string connectionString,
    Assembly serviceAssembly,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient || e.InnerException is System.Net.Sockets.SocketException),
            MaxRetryAttempts = 10,
            Delay = TimeSpan.FromSeconds(1),
            BackoffType = DelayBackoffType.Exponential,
            MaxDelay = TimeSpan.FromSeconds(5),
        })
        .Build();

    public async Task StartAsync(CancellationToken cancellationToken) =>
        await Retry.ExecuteAsync(_ => { Migrate(); return ValueTask.CompletedTask; }, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Migrate()
    {
        var upgradeLog = new DbUp.Engine.Output.MicrosoftUpgradeLog(logger);
        EnsureDatabase.For.PostgresqlDatabase(connectionString, upgradeLog);

        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssemblies([typeof(DatabaseMigrator).Assembly, serviceAssembly])
            .WithTransactionPerScript()
            .LogTo(upgradeLog)
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration failed at script {result.ErrorScript?.Name}.", result.Error);
        }

        LogMigrated(logger, new NpgsqlConnectionStringBuilder(connectionString).Database, result.Scripts.Count());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} is up to date ({Count} new scripts applied)")]
    private static partial void LogMigrated(ILogger logger, string? database, int count);
}
