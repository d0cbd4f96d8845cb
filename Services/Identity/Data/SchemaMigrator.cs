using DbUp;
using Npgsql;
using Polly;
using Polly.Retry;

namespace ProposalPlatform.Identity.Data;

/// <summary>
/// Creates the identity database if it is missing and runs the numbered SQL scripts embedded in
/// Data/Migrations with DbUp (each once, recorded in its journal), retrying while PostgreSQL is not up yet.
/// </summary>
public static partial class SchemaMigrator
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

    public static async Task MigrateAsync(string connectionString, ILogger logger, CancellationToken cancellationToken) =>
        await Retry.ExecuteAsync(_ => { Migrate(connectionString, logger); return ValueTask.CompletedTask; }, cancellationToken);

    private static void Migrate(string connectionString, ILogger logger)
    {
        var upgradeLog = new DbUp.Engine.Output.MicrosoftUpgradeLog(logger);
        EnsureDatabase.For.PostgresqlDatabase(connectionString, upgradeLog);

        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(SchemaMigrator).Assembly)
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
