using Dapper;
using DbUp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ProposalPlatform.Assignment;
using ProposalPlatform.Assignment.Scheduling;
using ProposalPlatform.ContactScheduling;
using ProposalPlatform.ContactScheduling.Scheduling;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Contracts.ContactScheduling;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Outbox;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The schedulers of two copies of a service scanning one database at the same moments (assignment's
/// deadline alerts, contact scheduling's missing-contact reminders): each alert is recorded and published
/// once, whichever copy sends it. On databases of their own on the platform's server, so that the
/// platform's own schedulers send none of their alerts.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Scheduling_from_two_copies_at_once(PlatformFixture platform)
{
    private const int Items = 40;

    [Fact]
    public async Task Two_deadline_schedulers_scanning_together_send_each_missed_deadline_once()
    {
        // Arrange: items whose reply deadline passed yesterday, and two schedulers on their database
        var database = await ServiceDatabaseAsync(typeof(AssignmentOptions).Assembly);
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

    [Fact]
    public async Task Two_contact_reminders_scanning_together_remind_of_each_missing_contact_once()
    {
        // Arrange: tasks opened a month ago with no contact, and two reminders on their database
        var database = await ServiceDatabaseAsync(typeof(ContactSchedulingOptions).Assembly);
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.ExecuteAsync(
                "INSERT INTO contact_tasks (proposal_id, unit_code, opened_at) SELECT gen_random_uuid(), 'HQ-FTZ', @openedAt FROM generate_series(1, @Items)",
                new { openedAt = DateTimeOffset.UtcNow.AddMonths(-1), Items });
        }

        DateTimeOffsetHandler.Register();
        await using var dataSource = NpgsqlDataSource.Create(database);
        var options = Options.Create(new ContactSchedulingOptions { ReminderScanBatchSize = 5 });
        var copies = Enumerable.Range(0, 2)
            .Select(_ => new ContactReminder(new PlatformDatabase(dataSource, new OutboxSignal()), TimeProvider.System, options, NullLogger<ContactReminder>.Instance))
            .ToList();

        // Act
        var first = await Task.WhenAll(copies.Select(copy => Task.Run(() => copy.ScanAsync(CancellationToken.None))));
        var again = await Task.WhenAll(copies.Select(copy => Task.Run(() => copy.ScanAsync(CancellationToken.None))));

        // Assert: one ContactMissing per task and round
        await using var check = new NpgsqlConnection(database);
        var published = (await check.QueryAsync<Guid>(
            "SELECT (payload ->> 'proposalId')::uuid FROM outbox_messages WHERE message_type = @type",
            new { type = OutboxMessageTypes.NameOf(typeof(ContactMissing)) })).ToList();
        Assert.Equal(Items, published.Count);
        Assert.Equal(Items, published.Distinct().Count());
        Assert.Equal(Items, await check.ExecuteScalarAsync<int>("SELECT count(*)::int FROM contact_reminders"));
        Assert.Equal(Items, first.Sum());
        Assert.Equal(0, again.Sum());
    }

    /// <summary>A new database on the platform's server with the service's schema, migrated as the service does at start.</summary>
    private async Task<string> ServiceDatabaseAsync(System.Reflection.Assembly service)
    {
        var database = new NpgsqlConnectionStringBuilder(await platform.ConnectionStringAsync(ResourceNames.DatabaseServer))
        {
            Database = $"scheduling_{Guid.NewGuid():N}",
        }.ConnectionString;
        EnsureDatabase.For.PostgresqlDatabase(database);
        await DatabaseMigrator.MigrateAsync(
            new MigrationConnection(database, "CURRENT_USER"), [typeof(DatabaseMigrator).Assembly, service], NullLogger.Instance, CancellationToken.None);
        return database;
    }
}
