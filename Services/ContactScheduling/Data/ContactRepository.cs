using Dapper;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Data;

public sealed class ContactRepository(PlatformDatabase database)
{
    private const string SelectTask =
        """
        SELECT proposal_id AS ProposalId, unit_code AS UnitCode, opened_at AS OpenedAt, completed_at AS CompletedAt,
               closed_at AS ClosedAt, closed_reason AS ClosedReason, round AS Round,
               COALESCE(round_opened_at, opened_at) AS RoundOpenedAt
        FROM contact_tasks
        """;

    // A return or a reassignment may arrive before the assignment it follows and opens the task itself;
    // the assignment then only brings the task's opening back to the assignment (the unit stays the
    // reassigned one, the closing stays).
    public static Task OpenTasksAsync(UnitOfWork work, IReadOnlyList<ProposalAssigned> batch, CancellationToken cancellationToken)
    {
        // one row per item: an upsert may not touch the same row twice in one statement
        var assigned = batch.GroupBy(a => a.ProposalId).Select(g => g.MinBy(a => a.AssignedAt)!).ToList();
        return work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO contact_tasks (proposal_id, unit_code, opened_at)
            SELECT * FROM unnest(@ids, @units, @openedAt)
            ON CONFLICT (proposal_id) DO UPDATE SET opened_at = EXCLUDED.opened_at
            WHERE contact_tasks.opened_at > EXCLUDED.opened_at
            """,
            new
            {
                ids = assigned.Select(a => a.ProposalId).ToArray(),
                units = assigned.Select(a => a.UnitCode).ToArray(),
                openedAt = assigned.Select(a => a.AssignedAt.UtcDateTime).ToArray(),
            },
            work.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Closes the task of a returned item (opening it closed when the assignment has not arrived yet).</summary>
    public static Task CloseTaskAsync(
        UnitOfWork work, Guid proposalId, string unitCode, DateTimeOffset closedAt, string reason, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO contact_tasks (proposal_id, unit_code, opened_at, closed_at, closed_reason)
            VALUES (@proposalId, @unitCode, @closedAt, @closedAt, @reason)
            ON CONFLICT (proposal_id) DO UPDATE SET closed_at = EXCLUDED.closed_at, closed_reason = EXCLUDED.closed_reason
            WHERE contact_tasks.closed_at IS NULL
            """,
            new { proposalId, unitCode, closedAt, reason }, work.Transaction, cancellationToken: cancellationToken));

    /// <summary>Gives the task to the unit of a reassignment, unless a later reassignment was recorded first.</summary>
    public static Task ReassignTaskAsync(
        UnitOfWork work, Guid proposalId, string unitCode, DateTimeOffset reassignedAt, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO contact_tasks (proposal_id, unit_code, opened_at, unit_reassigned_at)
            VALUES (@proposalId, @unitCode, @reassignedAt, @reassignedAt)
            ON CONFLICT (proposal_id) DO UPDATE SET unit_code = EXCLUDED.unit_code, unit_reassigned_at = EXCLUDED.unit_reassigned_at
            WHERE contact_tasks.unit_reassigned_at IS NULL OR contact_tasks.unit_reassigned_at < EXCLUDED.unit_reassigned_at
            """,
            new { proposalId, unitCode, reassignedAt }, work.Transaction, cancellationToken: cancellationToken));

    /// <summary>The task, locked for the rest of the transaction so two contacts recorded at once complete it once.</summary>
    public static Task<ContactTaskRecord?> LockTaskAsync(UnitOfWork work, Guid proposalId, CancellationToken cancellationToken) =>
        work.Connection.QuerySingleOrDefaultAsync<ContactTaskRecord>(new CommandDefinition(
            SelectTask + " WHERE proposal_id = @proposalId FOR UPDATE",
            new { proposalId }, work.Transaction, cancellationToken: cancellationToken));

    /// <summary>Starts round <paramref name="round"/> of an item reopened for re-handling: it needs a new contact.</summary>
    public static Task ReopenTaskAsync(
        UnitOfWork work, Guid proposalId, string unitCode, int round, DateTimeOffset reopenedAt, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO contact_tasks (proposal_id, unit_code, opened_at, round, round_opened_at)
            VALUES (@proposalId, @unitCode, @reopenedAt, @round, @reopenedAt)
            ON CONFLICT (proposal_id) DO UPDATE SET round = EXCLUDED.round, round_opened_at = EXCLUDED.round_opened_at, completed_at = NULL
            WHERE contact_tasks.round < EXCLUDED.round
            """,
            new { proposalId, unitCode, round, reopenedAt }, work.Transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Marks <paramref name="round"/> of the item completed by <paramref name="contactId"/>; false when
    /// it already was, so ContactCompleted goes out once per item and round.
    /// </summary>
    public static async Task<bool> TryCompleteRoundAsync(
        UnitOfWork work, Guid proposalId, int round, Guid contactId, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        var inserted = await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO contact_completions (proposal_id, round, contact_id, completed_at)
            VALUES (@proposalId, @round, @contactId, @completedAt)
            ON CONFLICT DO NOTHING
            """,
            new { proposalId, round, contactId, completedAt }, work.Transaction, cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            return false;
        }

        await work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE contact_tasks SET completed_at = @completedAt WHERE proposal_id = @proposalId AND round = @round",
            new { proposalId, round, completedAt }, work.Transaction, cancellationToken: cancellationToken));
        return true;
    }

    /// <summary>The item's contact task alone (what deciding who may see it needs), or null.</summary>
    public async Task<ContactTaskRecord?> FindTaskAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ContactTaskRecord>(new CommandDefinition(
            SelectTask + " WHERE proposal_id = @proposalId", new { proposalId }, cancellationToken: cancellationToken));
    }

    public async Task<(ContactTaskRecord Task, IReadOnlyList<ContactRow> Contacts)?> FindAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        if (await FindTaskAsync(proposalId, cancellationToken) is not { } task)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var contacts = await connection.QueryAsync<ContactRow>(new CommandDefinition(
            ContactStore.SelectContact + " WHERE proposal_id = @proposalId ORDER BY COALESCE(occurred_at, planned_start), recorded_at",
            new { proposalId }, cancellationToken: cancellationToken));
        return (task, contacts.AsList());
    }
}

/// <param name="CompletedAt">When the current round's contact requirement was met.</param>
/// <param name="RoundOpenedAt">When the current round began: the assignment, or the reopening for re-handling.</param>
public sealed record ContactTaskRecord(
    Guid ProposalId, string UnitCode, DateTimeOffset OpenedAt, DateTimeOffset? CompletedAt, DateTimeOffset? ClosedAt, string? ClosedReason,
    int Round, DateTimeOffset RoundOpenedAt);
