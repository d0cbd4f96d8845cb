using System.Reflection;
using DbUp;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;

namespace ProposalPlatform.Infrastructure.Data;

/// <summary>
/// Runs the numbered SQL scripts embedded in the service (and the shared outbox/inbox scripts) with
/// DbUp, with the service's <see cref="ICodeMigration"/>s in their place among them, as the database's
/// owner, on the database the AppHost made. Registered before the bus and the relay, so nothing reads
/// or consumes before the schema exists.
/// </summary>
public sealed partial class DatabaseMigrator(
    MigrationConnection connection,
    Assembly serviceAssembly,
    IEnumerable<ICodeMigration> codeMigrations,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            // PostgreSQL not up yet, starting up or shutting down, out of connections: the faults that pass
            ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientFaults.IsPassing),
            MaxRetryAttempts = 10,
            Delay = TimeSpan.FromSeconds(1),
            BackoffType = DelayBackoffType.Exponential,
            MaxDelay = TimeSpan.FromSeconds(5),
        })
        .Build();

    public Task StartAsync(CancellationToken cancellationToken) =>
        MigrateAsync(connection, [typeof(DatabaseMigrator).Assembly, serviceAssembly], logger, cancellationToken, [.. codeMigrations]);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The advisory lock every replica of a service takes on its database before it migrates: replicas
    /// starting together migrate one after the other, and the later ones find nothing left to do.
    /// (Advisory locks are per database, so one key serves every service.)
    /// </summary>
    public const long MigrationLockKey = 0x5050_4D49_4752_4154; // "PPMIGRAT"

    /// <summary>
    /// Runs the scripts embedded in <paramref name="assemblies"/> (and the <paramref name="codeMigrations"/>)
    /// that the database's journal does not list yet, under <see cref="MigrationLockKey"/>, retrying
    /// while PostgreSQL is not up.
    /// </summary>
    public static async Task MigrateAsync(
        MigrationConnection connection, Assembly[] assemblies, ILogger logger, CancellationToken cancellationToken, IReadOnlyList<ICodeMigration>? codeMigrations = null) =>
        await Retry.ExecuteAsync(async token =>
        {
            // the lock is the session's: held while DbUp works on connections of its own, let go when this
            // one closes (unpooled, so closing ends the session)
            await using var lockSession = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Pooling = false }.ConnectionString);
            await lockSession.OpenAsync(token);
            await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockSession))
            {
                take.Parameters.AddWithValue("key", MigrationLockKey);
                await take.ExecuteNonQueryAsync(token);
            }

            Migrate(connection, assemblies, codeMigrations ?? [], logger);
        }, cancellationToken);

    private static void Migrate(MigrationConnection connection, Assembly[] assemblies, IReadOnlyList<ICodeMigration> codeMigrations, ILogger logger)
    {
        var upgradeLog = new DbUp.Engine.Output.MicrosoftUpgradeLog(logger);
        var builder = DeployChanges.To
            .PostgresqlDatabase(connection.ConnectionString)
            .WithScriptsEmbeddedInAssemblies(assemblies)
            .WithVariable("RuntimeRole", connection.RuntimeRole);
        foreach (var migration in codeMigrations)
        {
            builder = builder.WithScript(migration.Name, migration);
        }

        var upgrader = builder
            .WithTransactionPerScript()
            .LogTo(upgradeLog)
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration failed at script {result.ErrorScript?.Name}.", result.Error);
        }

        LogMigrated(logger, new NpgsqlConnectionStringBuilder(connection.ConnectionString).Database, result.Scripts.Count());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} is up to date ({Count} new scripts applied)")]
    private static partial void LogMigrated(ILogger logger, string? database, int count);
}
