using Dapper;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Data;

/// <summary>Tasks that may be owed a <c>ContactMissing</c> reminder, and the reminders sent.</summary>
public static class ReminderRepository
{
    /// <summary>
    /// Up to <paramref name="limit"/> open, uncompleted tasks whose round opened at or before
    /// <paramref name="openedBy"/>, with no contact (other than cancelled ones) in the round and no
    /// reminder recorded for the round.
    /// </summary>
    public static async Task<IReadOnlyList<WatchedTask>> UnremindedAsync(
        UnitOfWork work, DateTimeOffset openedBy, int limit, CancellationToken cancellationToken)
    {
        var rows = await work.Connection.QueryAsync<WatchedTaskRow>(new CommandDefinition(
            """
            SELECT t.proposal_id AS ProposalId, t.unit_code AS UnitCode, t.round AS Round,
                   COALESCE(t.round_opened_at, t.opened_at) AS RoundOpenedAt,
                   EXISTS (SELECT 1 FROM contacts c
                           WHERE c.proposal_id = t.proposal_id AND c.round = t.round AND c.status <> 'Cancelled') AS HasContactInRound,
                   t.completed_at IS NOT NULL AS Completed, t.closed_at IS NOT NULL AS Closed
            FROM contact_tasks t
            WHERE t.closed_at IS NULL AND t.completed_at IS NULL
              AND COALESCE(t.round_opened_at, t.opened_at) <= @openedBy
              AND NOT EXISTS (SELECT 1 FROM contact_reminders r WHERE r.proposal_id = t.proposal_id AND r.round = t.round)
              AND NOT EXISTS (SELECT 1 FROM contacts c
                              WHERE c.proposal_id = t.proposal_id AND c.round = t.round AND c.status <> 'Cancelled')
            ORDER BY COALESCE(t.round_opened_at, t.opened_at)
            LIMIT @limit
            """,
            new { openedBy, limit }, work.Transaction, cancellationToken: cancellationToken));
        return rows.Select(r => new WatchedTask(r.ProposalId, r.UnitCode, r.Round, r.RoundOpenedAt, r.HasContactInRound, r.Completed, r.Closed)).ToList();
    }

    /// <summary>Records reminders for (item, round); returns those recorded now (a key already taken is left out).</summary>
    public static async Task<IReadOnlySet<(Guid ProposalId, int Round)>> RecordAsync(
        UnitOfWork work, IReadOnlyCollection<WatchedTask> tasks, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        if (tasks.Count == 0)
        {
            return new HashSet<(Guid, int)>();
        }

        var recorded = await work.Connection.QueryAsync<(Guid ProposalId, int Round)>(new CommandDefinition(
            """
            INSERT INTO contact_reminders (proposal_id, round, sent_at)
            SELECT id, round, @sentAt FROM unnest(@ids, @rounds) AS r(id, round)
            ON CONFLICT DO NOTHING
            RETURNING proposal_id, round
            """,
            new { ids = tasks.Select(t => t.ProposalId).ToArray(), rounds = tasks.Select(t => t.Round).ToArray(), sentAt },
            work.Transaction, cancellationToken: cancellationToken));
        return recorded.ToHashSet();
    }

    private sealed class WatchedTaskRow
    {
        public Guid ProposalId { get; set; }
        public string UnitCode { get; set; } = "";
        public int Round { get; set; }
        public DateTimeOffset RoundOpenedAt { get; set; }
        public bool HasContactInRound { get; set; }
        public bool Completed { get; set; }
        public bool Closed { get; set; }
    }
}
