using Dapper;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Assignment.Data;

/// <summary>The open deadlines: each item's reply and each co-handling unit's opinion.</summary>
public sealed class DeadlineRepository(PlatformDatabase database)
{
    // Reply deadlines of items still being handled, and opinions not yet sent, as one list.
    private const string OpenDeadlines =
        """
        SELECT 'reply:' || a.proposal_id AS DeadlineId, a.proposal_id AS ProposalId, 'Reply' AS Kind,
               a.unit_code AS UnitCode, u.name AS UnitName, a.title AS Title, a.due_at AS DueAt
        FROM assignments a JOIN units u ON u.code = a.unit_code
        WHERE a.status = 'Assigned' AND a.replied_at IS NULL
        UNION ALL
        SELECT 'opinion:' || c.proposal_id || ':' || c.unit_code, c.proposal_id, 'CoHandlingOpinion',
               c.unit_code, u.name, a.title, c.due_at
        FROM co_handlings c JOIN assignments a ON a.proposal_id = c.proposal_id JOIN units u ON u.code = c.unit_code
        WHERE c.opinion_submitted_at IS NULL AND a.status = 'Assigned'
        """;

    /// <summary>Open deadlines due in [<paramref name="from"/>, <paramref name="until"/>), soonest first.</summary>
    /// <param name="unitCode">Only the deadlines this unit owes; null for every unit's.</param>
    public async Task<IReadOnlyList<DeadlineRow>> DueBetweenAsync(
        DateTimeOffset? from, DateTimeOffset until, int limit, string? unitCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DeadlineRow>(new CommandDefinition(
            $"""
            SELECT * FROM ({OpenDeadlines}) d
            WHERE (@from::timestamptz IS NULL OR d.DueAt >= @from) AND d.DueAt < @until AND (@unitCode::text IS NULL OR d.UnitCode = @unitCode)
            ORDER BY d.DueAt, d.DeadlineId LIMIT @limit
            """,
            new { from, until, limit, unitCode }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Up to <paramref name="limit"/> open deadlines within the longest lead time whose alert for the
    /// current due date is not recorded: missed once past; before that, the warning of the shortest
    /// lead time the Beijing days left are within, unless one of that or a shorter lead time was sent.
    /// </summary>
    public static async Task<IReadOnlyList<WatchedDeadline>> UnalertedAsync(
        UnitOfWork work, DateTimeOffset now, IReadOnlyCollection<int> warningDays, int limit, CancellationToken cancellationToken)
    {
        var longest = warningDays.Count > 0 ? warningDays.Max() : 0;
        var horizon = BeijingCalendar.DaysAfter(now, longest);
        var rows = await work.Connection.QueryAsync<DeadlineRow>(new CommandDefinition(
            $"""
            SELECT d.DeadlineId, d.ProposalId, d.Kind, d.UnitCode, d.UnitName, d.Title, d.DueAt
            FROM (SELECT o.*, {BeijingDay("o.DueAt")} - {BeijingDay("@now")} AS DaysLeft FROM ({OpenDeadlines}) o WHERE o.DueAt <= @horizon) d
            WHERE NOT EXISTS (
                  SELECT 1 FROM deadline_notifications n
                  WHERE n.deadline_id = d.DeadlineId AND n.due_at = d.DueAt
                    AND CASE WHEN d.DueAt <= @now THEN n.kind = 'Missed'
                             ELSE n.kind = 'Approaching'
                                  AND n.days_before <= (SELECT min(w) FROM unnest(@warningDays) AS w WHERE w >= d.DaysLeft) END)
            ORDER BY d.DueAt
            LIMIT @limit
            """,
            new { now, horizon, warningDays = warningDays.ToArray(), limit }, work.Transaction, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToWatched()).ToList();
    }

    /// <summary>The Beijing day (UTC+8) of a timestamptz, as BeijingCalendar.DayOf counts it.</summary>
    private static string BeijingDay(string instant) => $"(({instant} AT TIME ZONE 'UTC') + interval '8 hours')::date";

    /// <summary>
    /// Records the alerts in <paramref name="work"/>; returns those recorded now. An alert another
    /// instance (or an earlier run) recorded is left out: its key is taken.
    /// </summary>
    public static async Task<IReadOnlySet<AlertKey>> RecordAsync(
        UnitOfWork work, IReadOnlyCollection<DeadlineAlert> alerts, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        if (alerts.Count == 0)
        {
            return new HashSet<AlertKey>();
        }

        var ids = alerts.Select(a => a.Key.DeadlineId).ToArray();
        var kinds = alerts.Select(a => a.Key.Kind.ToString()).ToArray();
        var dues = alerts.Select(a => a.Key.DueAt.UtcDateTime).ToArray();
        var daysBefore = alerts.Select(a => a.Key.DaysBefore).ToArray();
        var recorded = await work.Connection.QueryAsync<(string DeadlineId, string Kind, DateTime DueAt, int DaysBefore)>(new CommandDefinition(
            """
            INSERT INTO deadline_notifications (deadline_id, kind, due_at, days_before, sent_at)
            SELECT id, kind, due, days, @sentAt FROM unnest(@ids, @kinds, @dues, @daysBefore) AS n(id, kind, due, days)
            ON CONFLICT DO NOTHING
            RETURNING deadline_id, kind, due_at, days_before
            """,
            new { ids, kinds, dues, daysBefore, sentAt }, work.Transaction, cancellationToken: cancellationToken));
        return recorded
            .Select(r => new AlertKey(r.DeadlineId, Enum.Parse<AlertKind>(r.Kind), new DateTimeOffset(DateTime.SpecifyKind(r.DueAt, DateTimeKind.Utc)), r.DaysBefore))
            .ToHashSet();
    }
}

public sealed class DeadlineRow
{
    public string DeadlineId { get; set; } = "";
    public Guid ProposalId { get; set; }
    public string Kind { get; set; } = "";
    public string UnitCode { get; set; } = "";
    public string UnitName { get; set; } = "";
    public string Title { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }

    public WatchedDeadline ToWatched() => new(DeadlineId, ProposalId, Enum.Parse<DeadlineKind>(Kind), UnitCode, DueAt);
}
