using Dapper;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Data;

public sealed class ContactRepository(PlatformDatabase database)
{
    private const string SelectTask =
        """
        SELECT proposal_id AS ProposalId, unit_code AS UnitCode, opened_at AS OpenedAt, completed_at AS CompletedAt,
               closed_at AS ClosedAt, closed_reason AS ClosedReason
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

    public static async Task RecordAsync(UnitOfWork work, Guid proposalId, Guid contactId, ValidContact contact, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO contacts (id, proposal_id, channel, occurred_at, outcome, handler, notes, recorded_at)
            VALUES (@contactId, @proposalId, @Channel, @OccurredAt, @Outcome, @Handler, @Notes, @recordedAt)
            """,
            new
            {
                contactId,
                proposalId,
                Channel = (short)contact.Channel,
                contact.OccurredAt,
                Outcome = (short)contact.Outcome,
                contact.Handler,
                contact.Notes,
                recordedAt,
            },
            work.Transaction, cancellationToken: cancellationToken));
    }

    public static Task CompleteTaskAsync(UnitOfWork work, Guid proposalId, DateTimeOffset completedAt, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE contact_tasks SET completed_at = @completedAt WHERE proposal_id = @proposalId AND completed_at IS NULL",
            new { proposalId, completedAt }, work.Transaction, cancellationToken: cancellationToken));

    public async Task<(ContactTaskRecord Task, IReadOnlyList<ContactRecord> Contacts)?> FindAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var task = await connection.QuerySingleOrDefaultAsync<ContactTaskRecord>(new CommandDefinition(
            SelectTask + " WHERE proposal_id = @proposalId",
            new { proposalId }, cancellationToken: cancellationToken));
        if (task is null)
        {
            return null;
        }

        var contacts = await connection.QueryAsync<ContactRecord>(new CommandDefinition(
            """
            SELECT id AS Id, channel AS Channel, occurred_at AS OccurredAt, outcome AS Outcome, handler AS Handler,
                   notes AS Notes, recorded_at AS RecordedAt
            FROM contacts WHERE proposal_id = @proposalId ORDER BY occurred_at, recorded_at
            """,
            new { proposalId }, cancellationToken: cancellationToken));
        return (task, contacts.AsList());
    }
}

public sealed record ContactTaskRecord(
    Guid ProposalId, string UnitCode, DateTimeOffset OpenedAt, DateTimeOffset? CompletedAt, DateTimeOffset? ClosedAt, string? ClosedReason);

public sealed record ContactRecord(Guid Id, short Channel, DateTimeOffset OccurredAt, short Outcome, string Handler, string? Notes, DateTimeOffset RecordedAt);
