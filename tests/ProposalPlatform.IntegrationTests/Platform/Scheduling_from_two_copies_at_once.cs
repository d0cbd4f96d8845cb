using Dapper;
using DbUp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ProposalPlatform.Assignment;
using ProposalPlatform.Assignment.Scheduling;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Outbox;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The deadline scheduler of two copies of assignment scanning one database at the same moments: each
/// alert is recorded and published once, whichever copy sends it. On a database of its own on the
/// platform's server, so that the platform's own scheduler sends none of its alerts.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Scheduling_from_two_copies_at_once(PlatformFixture platform)
{
    private const int Items = 40;

    [Fact]
    public async Task Two_deadline_schedulers_scanning_together_send_each_missed_deadline_once()
    {
        // Arrange: items whose reply deadline passed yesterday, and two schedulers on their database
        var database = await AssignmentDatabaseAsync();
        var now = DateTimeOffset.UtcNow;
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO assignments (proposal_id, unit_code, topic, title, assigned_at, clock_started_at, due_at)
                SELECT gen_random_uuid(), 'HQ-FTZ', '综合保税区', '关于加快综合保税区建设的建议（2004）', @assignedAt, @assignedAt, @dueAt
                FROM generate_series(1, @Items)
                """,
                new { assignedAt = now.AddMonths(-3).AddDays(-1), dueAt = now.AddDays(-1), Items });
        }

        DateTimeOffsetHandler.Register();
        await using var dataSource = NpgsqlDataSource.Create(database);
        // small batches, so that the two copies' scans interleave over several transactions
        var options = Options.Create(new AssignmentOptions { DeadlineScanBatchSize = 5 });
        var copies = Enumerable.Range(0, 2)
            .Select(_ => new DeadlineScheduler(new PlatformDatabase(dataSource, new OutboxSignal()), TimeProvider.System, options, NullLogger<DeadlineScheduler>.Instance))
            .ToList();

        // Act: both scan at once, and again (a scan after everything was sent finds nothing more)
        var first = await Task.WhenAll(copies.Select(copy => Task.Run(() => copy.ScanAsync(CancellationToken.None))));
        var again = await Task.WhenAll(copies.Select(copy => Task.Run(() => copy.ScanAsync(CancellationToken.None))));

        // Assert: one DeadlineMissed per item, in the outbox and among the recorded alerts
        await using var check = new NpgsqlConnection(database);
        var published = (await check.QueryAsync<Guid>(
            "SELECT (payload ->> 'proposalId')::uuid FROM outbox_messages WHERE message_type = @type",
            new { type = OutboxMessageTypes.NameOf(typeof(DeadlineMissed)) })).ToList();
        Assert.Equal(Items, published.Count);
        Assert.Equal(Items, published.Distinct().Count());
        Assert.Equal(Items, await check.ExecuteScalarAsync<int>("SELECT count(*)::int FROM deadline_notifications WHERE kind = 'Missed'"));
        Assert.Equal(Items, first.Sum());
        Assert.Equal(0, again.Sum());
    }

    /// <summary>A new assignment database on the platform's server, migrated as assignment does at start.</summary>
    private async Task<string> AssignmentDatabaseAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(await platform.ConnectionStringAsync(ResourceNames.DatabaseServer))
        {
            Database = $"scheduling_{Guid.NewGuid():N}",
        }.ConnectionString;
        EnsureDatabase.For.PostgresqlDatabase(database);
        await DatabaseMigrator.MigrateAsync(
            new MigrationConnection(database, "CURRENT_USER"), [typeof(DatabaseMigrator).Assembly, typeof(AssignmentOptions).Assembly], NullLogger.Instance, CancellationToken.None);
        return database;
    }
}
