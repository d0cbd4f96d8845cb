using Dapper;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.Reply.Data;

public sealed class ReplyRepository(PlatformDatabase database)
{
    private const string SelectCase =
        """
        SELECT proposal_id AS ProposalId, unit_code AS UnitCode, assigned_at AS AssignedAt,
               contact_completed_at AS ContactCompletedAt, draft_text AS DraftText, issued_at AS IssuedAt,
               returned_at AS ReturnedAt
        FROM reply_cases
        """;

    // Events from assignment and contact scheduling travel on different queues and may arrive in
    // either order, so each one creates the case if it does not exist yet.
    public static Task RecordAssignedAsync(UnitOfWork work, IReadOnlyList<ProposalAssigned> batch, CancellationToken cancellationToken)
    {
        // one row per item: an upsert may not touch the same row twice in one statement
        var assigned = batch.GroupBy(a => a.ProposalId).Select(g => g.MaxBy(a => a.AssignedAt)!).ToList();
        return work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reply_cases (proposal_id, unit_code, assigned_at)
            SELECT * FROM unnest(@ids, @units, @assignedAt)
            ON CONFLICT (proposal_id) DO UPDATE SET assigned_at = EXCLUDED.assigned_at,
                unit_code = CASE WHEN reply_cases.unit_reassigned_at IS NULL THEN EXCLUDED.unit_code ELSE reply_cases.unit_code END
            """,
            new
            {
                ids = assigned.Select(a => a.ProposalId).ToArray(),
                units = assigned.Select(a => a.UnitCode).ToArray(),
                assignedAt = assigned.Select(a => a.AssignedAt.UtcDateTime).ToArray(),
            },
            work.Transaction, cancellationToken: cancellationToken));
    }

    public static Task RecordContactCompletedAsync(UnitOfWork work, Guid proposalId, DateTimeOffset completedAt, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reply_cases (proposal_id, contact_completed_at) VALUES (@proposalId, @completedAt)
            ON CONFLICT (proposal_id) DO UPDATE SET contact_completed_at = COALESCE(reply_cases.contact_completed_at, EXCLUDED.contact_completed_at)
            """,
            new { proposalId, completedAt }, work.Transaction, cancellationToken: cancellationToken));

    public static Task RecordReturnedAsync(
        UnitOfWork work, Guid proposalId, string unitCode, DateTimeOffset returnedAt, string reason, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reply_cases (proposal_id, unit_code, returned_at, returned_reason) VALUES (@proposalId, @unitCode, @returnedAt, @reason)
            ON CONFLICT (proposal_id) DO UPDATE SET returned_at = EXCLUDED.returned_at, returned_reason = EXCLUDED.returned_reason
            WHERE reply_cases.returned_at IS NULL
            """,
            new { proposalId, unitCode, returnedAt, reason }, work.Transaction, cancellationToken: cancellationToken));

    /// <summary>Gives the case to the unit of a reassignment, unless a later reassignment was recorded first.</summary>
    public static Task RecordReassignedAsync(
        UnitOfWork work, Guid proposalId, string unitCode, DateTimeOffset reassignedAt, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reply_cases (proposal_id, unit_code, unit_reassigned_at) VALUES (@proposalId, @unitCode, @reassignedAt)
            ON CONFLICT (proposal_id) DO UPDATE SET unit_code = EXCLUDED.unit_code, unit_reassigned_at = EXCLUDED.unit_reassigned_at
            WHERE reply_cases.unit_reassigned_at IS NULL OR reply_cases.unit_reassigned_at < EXCLUDED.unit_reassigned_at
            """,
            new { proposalId, unitCode, reassignedAt }, work.Transaction, cancellationToken: cancellationToken));

    public static Task<ReplyCase?> LockAsync(UnitOfWork work, Guid proposalId, CancellationToken cancellationToken) =>
        work.Connection.QuerySingleOrDefaultAsync<ReplyCase>(new CommandDefinition(
            SelectCase + " WHERE proposal_id = @proposalId FOR UPDATE",
            new { proposalId }, work.Transaction, cancellationToken: cancellationToken));

    public static Task SaveDraftAsync(UnitOfWork work, Guid proposalId, string text, DateTimeOffset at, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reply_cases SET draft_text = @text, draft_updated_at = @at WHERE proposal_id = @proposalId",
            new { proposalId, text, at }, work.Transaction, cancellationToken: cancellationToken));

    public static Task IssueAsync(UnitOfWork work, Guid proposalId, Guid replyId, ResultClass resultClass, DateTimeOffset at, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reply_cases SET reply_id = @replyId, result_class = @ResultClass, issued_at = @at WHERE proposal_id = @proposalId",
            new { proposalId, replyId, ResultClass = (short)resultClass, at }, work.Transaction, cancellationToken: cancellationToken));

    public async Task<ReplyCaseRecord?> FindAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ReplyCaseRecord>(new CommandDefinition(
            """
            SELECT proposal_id AS ProposalId, unit_code AS UnitCode, assigned_at AS AssignedAt,
                   contact_completed_at AS ContactCompletedAt, draft_text AS DraftText, draft_updated_at AS DraftUpdatedAt,
                   reply_id AS ReplyId, result_class AS ResultClass, issued_at AS IssuedAt,
                   returned_at AS ReturnedAt, returned_reason AS ReturnedReason
            FROM reply_cases WHERE proposal_id = @proposalId
            """,
            new { proposalId }, cancellationToken: cancellationToken));
    }
}

public sealed record ReplyCaseRecord(
    Guid ProposalId,
    string? UnitCode,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? ContactCompletedAt,
    string? DraftText,
    DateTimeOffset? DraftUpdatedAt,
    Guid? ReplyId,
    short? ResultClass,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? ReturnedAt,
    string? ReturnedReason);
