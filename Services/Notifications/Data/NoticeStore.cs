using Dapper;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Notifications.Domain;

namespace ProposalPlatform.Notifications.Data;

/// <summary>Records the notices the reminders bring, in the transaction that marks their message consumed; a reminder already recorded (the same fact under another message id) adds nothing.</summary>
public static class NoticeStore
{
    public static Task AddAsync(
        UnitOfWork work, string unitCode, Guid proposalId, NoticeKind kind, DateTimeOffset? dueAt, int? days, DateTimeOffset at, DateTimeOffset recordedAt,
        CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO notices (unit_code, proposal_id, kind, due_at, days, at, recorded_at)
            VALUES (@unitCode, @proposalId, @kind, @dueAt, @days, @at, @recordedAt)
            ON CONFLICT DO NOTHING
            """,
            new { unitCode, proposalId, kind = kind.ToString(), dueAt, days, at, recordedAt }, work.Transaction, cancellationToken: cancellationToken));
}
