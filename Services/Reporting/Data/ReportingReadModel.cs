using Dapper;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reporting.Domain;

namespace ProposalPlatform.Reporting.Data;

/// <summary>A line of an item's story as the API shows it.</summary>
public sealed record TimelineEntry(string Step, DateTimeOffset OccurredAt, string Detail, int? Round = null, string? Source = null);

/// <summary>The registration facts of an item that its story shows.</summary>
public sealed record StoryItem(ItemFacts Facts, int Number, string Title, IReadOnlyList<string> CoHandlers)
{
    public ItemParties Parties => new(Facts.LeadUnit, CoHandlers, Facts.SubmittingUnit);
}

/// <summary>Reads the views: the items' facts for the figures, and an item's story.</summary>
/// <param name="Leads">The unit asked for leads the item (else it co-handles it).</param>
public sealed record WorkItem(ItemFacts Facts, int Number, string Title, bool Leads);

/// <summary>One page of a unit's open work, and how many open items (and of them overdue) there are in all.</summary>
public sealed record WorkPage(int Total, int Overdue, IReadOnlyList<WorkItem> Items);

public sealed class ReportingReadModel(PlatformDatabase database)
{
    private sealed record ItemRow(
        Guid ProposalId, short Kind, int SessionYear, int? SessionTerm, int? SessionMeeting, int Number, string Title, string Topic,
        short HandlingMode, bool IsKeyItem, string? LeadUnit, string? LeadUnitName, string? SubmittingUnit,
        DateTimeOffset? DueAt, DateTimeOffset? ExtendedDueAt, DateTimeOffset? ReturnedAt);

    private const string SelectItems =
        """
        SELECT proposal_id AS ProposalId, kind AS Kind, session_year AS SessionYear, session_term AS SessionTerm,
               session_meeting AS SessionMeeting, number AS Number, title AS Title, topic AS Topic, handling_mode AS HandlingMode,
               is_key_item AS IsKeyItem, lead_unit AS LeadUnit, lead_unit_name AS LeadUnitName, submitting_unit AS SubmittingUnit,
               due_at AS DueAt, extended_due_at AS ExtendedDueAt, returned_at AS ReturnedAt
        FROM items
        """;

    /// <summary>
    /// The facts of every registered item each filter selects (a year and the year before, say): the
    /// merged groups (the office's groups not dissolved, each item until it left) read once for all, each
    /// filter's items at once on a connection of its own.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<ItemFacts>>> FactsAsync(IReadOnlyList<StatisticsFilter> filters, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<Guid, Guid?> groups;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            groups = (await connection.QueryAsync<(Guid ProposalId, Guid GroupId)>(new CommandDefinition(
                """
                SELECT i.proposal_id, i.group_id FROM handling_group_items i JOIN handling_groups g ON g.group_id = i.group_id
                WHERE i.left_at IS NULL AND g.formed_at IS NOT NULL AND g.dissolved_at IS NULL
                """,
                cancellationToken: cancellationToken)))
                .GroupBy(m => m.ProposalId)
                .ToDictionary(m => m.Key, m => (Guid?)m.Max(g => g.GroupId));
        }

        return await Task.WhenAll(filters.Select(filter => FactsAsync(filter, groups, cancellationToken)));
    }

    private async Task<IReadOnlyList<ItemFacts>> FactsAsync(StatisticsFilter filter, IReadOnlyDictionary<Guid, Guid?> groups, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ItemRow>(new CommandDefinition(
            SelectItems + """
                 WHERE kind IS NOT NULL AND session_year = @Year
                  AND (@Kind::smallint IS NULL OR kind = @Kind)
                  AND (@Term::integer IS NULL OR session_term = @Term)
                  AND (@Meeting::integer IS NULL OR session_meeting = @Meeting)
                  AND (@Unit::text IS NULL OR lead_unit = @Unit OR (@UnitIsDistrict AND submitting_unit = @Unit))
                """,
            new { filter.Year, Kind = (short?)filter.Kind, filter.Term, filter.Meeting, filter.Unit, filter.UnitIsDistrict },
            cancellationToken: cancellationToken))).AsList();
        return await WithChildrenAsync(connection, rows, groups, cancellationToken);
    }

    /// <summary>
    /// A page of a unit's open work: the registered items it leads or co-handles that were neither
    /// returned nor answered with satisfaction in their open round, the soonest due first (the open
    /// round's deadline, extensions counted; none last). Ordered and counted in the database, so a unit
    /// with thousands of items costs one page's facts.
    /// </summary>
    public async Task<WorkPage> WorklistAsync(string unit, int page, int pageSize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await OpenWorkAsync(connection, unit, now, (long)(page - 1) * pageSize, pageSize, cancellationToken);
        // a page past the end holds no row to carry the counts: they are read on their own then
        var (total, overdue) = found.Count > 0 ? (found[0].Total, found[0].Overdue)
            : page > 1 && await OpenWorkAsync(connection, unit, now, 0, 1, cancellationToken) is [var first, ..] ? (first.Total, first.Overdue)
            : (0, 0);
        var ids = found.Select(p => p.Id).ToArray();
        var rows = (await connection.QueryAsync<ItemRow>(new CommandDefinition(
            SelectItems + " WHERE proposal_id = ANY(@ids)", new { ids }, cancellationToken: cancellationToken))).ToDictionary(r => r.ProposalId);
        var ordered = ids.Select(id => rows[id]).ToList();
        var facts = await WithChildrenAsync(connection, ordered, NoGroups, cancellationToken);
        return new WorkPage(total, overdue, [.. ordered.Zip(facts, (row, item) => new WorkItem(item, row.Number, row.Title, row.LeadUnit == unit))]);
    }

    /// <summary>
    /// One pass over the unit's open work: a page of it, each row with the counts of the whole list.
    /// Compiling the query (JIT) costs more than it saves on a unit's few thousand rows.
    /// </summary>
    private static async Task<List<(Guid Id, int Total, int Overdue)>> OpenWorkAsync(
        Npgsql.NpgsqlConnection connection, string unit, DateTimeOffset now, long offset, int limit, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SET LOCAL jit = off", transaction: transaction, cancellationToken: cancellationToken));
        var rows = (await connection.QueryAsync<(Guid Id, int Total, int Overdue)>(new CommandDefinition(
            OpenWork,
            new
            {
                unit,
                now,
                offset,
                limit,
                dissatisfied = (short)SatisfactionLevel.Dissatisfied,
                direct = new[] { (short)HandlingMode.Lead, (short)HandlingMode.Sole, (short)HandlingMode.Separate },
            },
            transaction, cancellationToken: cancellationToken))).AsList();
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    // the unit's items still being worked on, each with its open round and that round's deadline; the
    // page of them, each row with the count of all and of the overdue (a reply owed, none in the round, past its deadline)
    private const string OpenWork =
        """
        WITH latest_round AS (
            SELECT DISTINCT ON (proposal_id) proposal_id, round, due_at FROM item_reopenings ORDER BY proposal_id, round DESC),
        open_work AS (
            SELECT i.proposal_id, i.session_year, i.number, i.handling_mode, COALESCE(r.round, 1) AS round,
                   COALESCE(r.due_at, i.extended_due_at, i.due_at) AS current_due
            FROM items i
            LEFT JOIN latest_round r ON r.proposal_id = i.proposal_id
            WHERE i.kind IS NOT NULL AND i.returned_at IS NULL
              AND (i.lead_unit = @unit OR i.proposal_id IN (SELECT proposal_id FROM item_co_handlers WHERE unit_code = @unit))
              AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.proposal_id = i.proposal_id AND f.round = COALESCE(r.round, 1) AND f.on_result <> @dissatisfied))
        SELECT proposal_id, (count(*) OVER ())::int,
               (count(*) FILTER (WHERE current_due < @now AND handling_mode = ANY(@direct)
                  AND NOT EXISTS (SELECT 1 FROM replies p WHERE p.proposal_id = w.proposal_id AND p.round = w.round)) OVER ())::int
        FROM open_work w
        ORDER BY current_due NULLS LAST, session_year, number, proposal_id
        LIMIT @limit OFFSET @offset
        """;

    /// <summary>An item's facts and story, or null when no registration of it was received.</summary>
    public async Task<(StoryItem Item, IReadOnlyList<TimelineEntry> Timeline)?> StoryAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ItemRow>(new CommandDefinition(
            SelectItems + " WHERE proposal_id = @id AND kind IS NOT NULL", new { id }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        // a story's status and parties need no merged group
        var facts = (await WithChildrenAsync(connection, [row], NoGroups, cancellationToken))[0];
        var coHandlers = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT unit_code FROM item_co_handlers WHERE proposal_id = @id ORDER BY unit_code", new { id }, cancellationToken: cancellationToken))).AsList();
        var timeline = (await connection.QueryAsync<TimelineEntry>(new CommandDefinition(
            """
            SELECT step AS Step, occurred_at AS OccurredAt, detail AS Detail, round::int AS Round, source AS Source
            FROM story_steps WHERE proposal_id = @id ORDER BY occurred_at, log_seq, line
            """,
            new { id }, cancellationToken: cancellationToken))).AsList();
        return (new StoryItem(facts, row.Number, row.Title, coHandlers), timeline);
    }

    private static readonly IReadOnlyDictionary<Guid, Guid?> NoGroups = new Dictionary<Guid, Guid?>();

    private static async Task<IReadOnlyList<ItemFacts>> WithChildrenAsync(
        Npgsql.NpgsqlConnection connection, IReadOnlyList<ItemRow> rows, IReadOnlyDictionary<Guid, Guid?> groups, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.ProposalId).ToArray();
        using var children = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            SELECT proposal_id, round::int, due_at FROM item_reopenings WHERE proposal_id = ANY(@ids);
            SELECT proposal_id, round::int, result_class, issued_at FROM replies WHERE proposal_id = ANY(@ids);
            SELECT proposal_id, round::int, channel, completed_at FROM contact_completions WHERE proposal_id = ANY(@ids);
            SELECT proposal_id, channel, entrusted_unit, cancelled_at IS NOT NULL, outcome FROM contacts WHERE proposal_id = ANY(@ids);
            SELECT proposal_id, round::int, on_result, on_attitude FROM feedback WHERE proposal_id = ANY(@ids);
            SELECT proposal_id, round::int FROM rehandlings WHERE proposal_id = ANY(@ids);
            """,
            new { ids }, cancellationToken: cancellationToken));
        var reopenings = (await children.ReadAsync<(Guid Id, int Round, DateTimeOffset DueAt)>()).ToLookup(r => r.Id, r => new RoundDeadline(r.Round, r.DueAt));
        var replies = (await children.ReadAsync<(Guid Id, int Round, short Class, DateTimeOffset At)>()).ToLookup(r => r.Id, r => new ReplyFact(r.Round, (ResultClass)r.Class, r.At));
        var completions = (await children.ReadAsync<(Guid Id, int Round, short Channel, DateTimeOffset At)>()).ToLookup(r => r.Id, r => new CompletionFact(r.Round, (ContactChannel)r.Channel, r.At));
        var contacts = (await children.ReadAsync<(Guid Id, short? Channel, string? Entrusted, bool Cancelled, short? Outcome)>())
            .ToLookup(r => r.Id, r => new ContactFact((ContactChannel?)r.Channel, r.Entrusted, r.Cancelled, (ContactOutcome?)r.Outcome));
        var feedback = (await children.ReadAsync<(Guid Id, int Round, short OnResult, short OnAttitude)>())
            .ToLookup(r => r.Id, r => new FeedbackFact(r.Round, (SatisfactionLevel)r.OnResult, (SatisfactionLevel)r.OnAttitude));
        var rehandlings = (await children.ReadAsync<(Guid Id, int Round)>()).ToLookup(r => r.Id, r => r.Round);

        return [.. rows.Select(r => new ItemFacts(
            r.ProposalId, (ProposalKind)r.Kind, r.SessionYear, r.SessionTerm, r.SessionMeeting, r.Topic, (HandlingMode)r.HandlingMode, r.IsKeyItem,
            r.LeadUnit, r.LeadUnitName, r.SubmittingUnit, r.ExtendedDueAt ?? r.DueAt, r.ReturnedAt is not null,
            [.. reopenings[r.ProposalId]], [.. replies[r.ProposalId]], [.. completions[r.ProposalId]], [.. contacts[r.ProposalId]],
            [.. feedback[r.ProposalId]], [.. rehandlings[r.ProposalId]], groups.GetValueOrDefault(r.ProposalId)))];
    }
}
