using Dapper;
using Npgsql;
using ProposalPlatform.Assignment.Scheduling;
using ProposalPlatform.ContactScheduling.Scheduling;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Outbox;
using ProposalPlatform.Infrastructure.Telemetry;
using ProposalPlatform.Intake.Domain;
using ProposalPlatform.Intake.Workers;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The queries behind the dashboard's business gauges, run against the platform's own databases
/// (the services export the gauges to the dashboard, in other processes; the unit tests show what
/// the gauges report of what these queries read).
/// </summary>
[Collection(PlatformCollection.Name)]
public class Reading_the_business_metrics(PlatformFixture platform)
{
    private static readonly string[] ServiceDatabases =
    [
        ResourceNames.IntakeDatabase, ResourceNames.AssignmentDatabase, ResourceNames.ContactSchedulingDatabase,
        ResourceNames.ReplyDatabase, ResourceNames.IdentityDatabase, ResourceNames.AuditDatabase, ResourceNames.ReportingDatabase,
        ResourceNames.NotificationsDatabase,
    ];

    [Fact]
    public async Task A_new_item_is_counted_in_its_stage_among_the_pending_contacts_and_by_its_due_date()
    {
        await using var intake = NpgsqlDataSource.Create(await platform.ConnectionStringAsync(ResourceNames.IntakeDatabase));
        await using var assignment = NpgsqlDataSource.Create(await platform.ConnectionStringAsync(ResourceNames.AssignmentDatabase));
        await using var contacts = NpgsqlDataSource.Create(await platform.ConnectionStringAsync(ResourceNames.ContactSchedulingDatabase));
        var itemsBefore = (await IntakeGauges.ReadStagesAsync(intake, default)).Values.Sum();
        var pendingBefore = (await ReadAsync<ContactGauges.Contacts>(contacts, ContactGauges.Query)).Pending;

        // Act
        var id = (await platform.Gateway.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        var dueAt = (await platform.Gateway.GetWhenPresentAsync($"/api/assignment/assignments/{id}"))["dueAt"]!.GetValue<DateTimeOffset>().ToUniversalTime();
        await platform.Gateway.GetWhenPresentAsync($"/api/contacts/tasks/{id}");

        // Assert: intake counts one item more, and the item once it has moved to Assigned
        var stages = await Eventually.Until(
            () => IntakeGauges.ReadStagesAsync(intake, default),
            s => s.GetValueOrDefault(ProposalStage.Assigned) > 0 && s.Values.Sum() == itemsBefore + 1,
            "intake's count of items by stage to take in the new item");
        Assert.Equal(itemsBefore + 1, stages.Values.Sum());
        Assert.True((await ReadAsync<ContactGauges.Contacts>(contacts, ContactGauges.Query)).Pending >= pendingBefore + 1);

        // the item's own deadline, by the service's "now" either side of it: overdue only once past
        // it, due within 7 days only from 7 days before it. Read in one snapshot: other tests' items
        // due at the same moment are replied to meanwhile, and would change the counts between reads.
        await using var snapshot = await assignment.OpenConnectionAsync();
        await using var reads = await snapshot.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var dueThen = await CountOpenDueAtAsync(dueAt);
        Assert.True(dueThen >= 1);
        var atDue = await ReadDeadlinesAsync(dueAt);
        var justAfter = await ReadDeadlinesAsync(dueAt.AddMilliseconds(1));
        Assert.Equal(dueThen, justAfter.Overdue - atDue.Overdue);
        // a week before, the window's start passes the items due exactly 7 days earlier as its end takes in the item's
        var dueWeekEarlier = await CountOpenDueAtAsync(dueAt.AddDays(-7));
        var weekBefore = await ReadDeadlinesAsync(dueAt.AddDays(-7));
        var justInsideTheWeek = await ReadDeadlinesAsync(dueAt.AddDays(-7).AddMilliseconds(1));
        Assert.Equal(dueThen - dueWeekEarlier, justInsideTheWeek.DueSoon - weekBefore.DueSoon);

        Task<long> CountOpenDueAtAsync(DateTimeOffset at) =>
            snapshot.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM assignments WHERE due_at = @at AND status = 'Assigned' AND replied_at IS NULL", new { at }, reads);

        Task<DeadlineGauges.Deadlines> ReadDeadlinesAsync(DateTimeOffset now) =>
            snapshot.QuerySingleAsync<DeadlineGauges.Deadlines>(DeadlineGauges.Query, new { now }, reads);
    }

    [Fact]
    public async Task The_outbox_lag_is_none_once_every_service_has_published_and_the_age_of_a_row_left_unsent()
    {
        foreach (var database in ServiceDatabases)
        {
            await using var dataSource = NpgsqlDataSource.Create(await platform.ConnectionStringAsync(database));
            await Eventually.Until(() => ReadAsync<OutboxGauges.Lag>(dataSource, OutboxGauges.Query),
                lag => lag == new OutboxGauges.Lag(0, 0), $"{database}'s outbox to be empty of unsent rows");
        }

        // a row written an hour ago and never sent, seen inside a transaction rolled back: the relay never sees it
        await using var connection = new NpgsqlConnection(await platform.ConnectionStringAsync(ResourceNames.IntakeDatabase));
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO outbox_messages (message_id, message_type, payload, created_at)
            VALUES (gen_random_uuid(), 'none', '{}', now() - interval '1 hour')
            """, transaction: transaction);
        var lagged = await connection.QuerySingleAsync<OutboxGauges.Lag>(OutboxGauges.Query, transaction: transaction);
        await transaction.RollbackAsync();

        Assert.Equal(1, lagged.Unsent);
        Assert.InRange(lagged.OldestAgeSeconds, 3600, 3600 + 60);
    }

    private static Task<T> ReadAsync<T>(NpgsqlDataSource dataSource, string query, object? parameters = null) =>
        PlatformMeter.QuerySingleAsync<T>(dataSource, query, parameters, default);
}
