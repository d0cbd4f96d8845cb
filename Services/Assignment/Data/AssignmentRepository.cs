using Dapper;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Assignment.Data;

public sealed class AssignmentRepository(PlatformDatabase database)
{
    public const string Assigned = "Assigned";
    public const string Returned = "Returned";

    private const string SelectAssignment =
        """
        SELECT a.proposal_id AS ProposalId, a.unit_code AS UnitCode, u.name AS UnitName, a.topic AS Topic,
               a.title AS Title, a.assigned_at AS AssignedAt, a.due_at AS DueAt, a.clock_started_at AS ClockStartedAt,
               a.status AS Status, a.handling_mode AS HandlingMode, a.tags AS Tags, a.is_key_item AS IsKeyItem,
               a.manually_assigned AS ManuallyAssigned, a.replied_at AS RepliedAt, a.returned_at AS ReturnedAt,
               a.return_reason AS ReturnReason, a.returned_by AS ReturnedBy, a.round AS Round, a.kind AS Kind
        FROM assignments a JOIN units u ON u.code = a.unit_code
        """;

    private const string SelectCoHandling =
        """
        SELECT c.proposal_id AS ProposalId, c.unit_code AS UnitCode, u.name AS UnitName, c.assigned_at AS AssignedAt,
               c.due_at AS DueAt, c.opinion_submitted_at AS OpinionSubmittedAt, c.opinion_submitted_by AS OpinionSubmittedBy
        FROM co_handlings c JOIN units u ON u.code = c.unit_code
        """;

    /// <summary>Stores the item's assignment and its first history entry; null when it was assigned before (nothing is changed then).</summary>
    public static async Task<AssignmentRow?> AssignAsync(UnitOfWork work, NewAssignment assignment, CancellationToken cancellationToken)
    {
        var inserted = await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO assignments (proposal_id, unit_code, topic, title, assigned_at, due_at, clock_started_at, handling_mode, tags, is_key_item, kind)
            VALUES (@ProposalId, @UnitCode, @Topic, @Title, @AssignedAt, @DueAt, @ClockStartedAt, @HandlingMode, @Tags, @IsKeyItem, @Kind)
            ON CONFLICT (proposal_id) DO NOTHING
            """,
            assignment, work.Transaction, cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            return null;
        }

        await AddHistoryAsync(work, assignment.ProposalId, "Assigned", null, assignment.UnitCode, assignment.Reason, "routing", assignment.AssignedAt, cancellationToken);
        return await FindAsync(work, assignment.ProposalId, lockRow: false, cancellationToken);
    }

    /// <summary>
    /// Stores many assignments and their first history entries in two statements; returns the ids
    /// that were new (an item assigned before is left as it is).
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> AssignManyAsync(UnitOfWork work, IReadOnlyList<NewAssignment> assignments, CancellationToken cancellationToken)
    {
        var inserted = (await work.Connection.QueryAsync<Guid>(new CommandDefinition(
            """
            INSERT INTO assignments (proposal_id, unit_code, topic, title, assigned_at, due_at, clock_started_at, handling_mode, tags, is_key_item, kind)
            SELECT a.id, a.unit, a.topic, a.title, a.assigned_at, a.due_at, a.clock_started_at, a.mode,
                   CASE WHEN a.tags = '' THEN '{}'::text[] ELSE string_to_array(a.tags, E'\x1f') END, a.key_item, a.kind
            FROM unnest(@Ids, @Units, @Topics, @Titles, @AssignedAt, @DueAt, @ClockStartedAt, @Modes, @Tags, @KeyItems, @Kinds)
                 AS a(id, unit, topic, title, assigned_at, due_at, clock_started_at, mode, tags, key_item, kind)
            ON CONFLICT (proposal_id) DO NOTHING
            RETURNING proposal_id
            """,
            new
            {
                Ids = assignments.Select(a => a.ProposalId).ToArray(),
                Units = assignments.Select(a => a.UnitCode).ToArray(),
                Topics = assignments.Select(a => a.Topic).ToArray(),
                Titles = assignments.Select(a => a.Title).ToArray(),
                AssignedAt = assignments.Select(a => a.AssignedAt.UtcDateTime).ToArray(),
                DueAt = assignments.Select(a => a.DueAt.UtcDateTime).ToArray(),
                ClockStartedAt = assignments.Select(a => a.ClockStartedAt.UtcDateTime).ToArray(),
                Modes = assignments.Select(a => a.HandlingMode).ToArray(),
                // arrays of arrays do not unnest row by row: tags travel joined by the unit separator
                Tags = assignments.Select(a => string.Join('\u001f', a.Tags)).ToArray(),
                KeyItems = assignments.Select(a => a.IsKeyItem).ToArray(),
                Kinds = assignments.Select(a => a.Kind).ToArray(),
            },
            work.Transaction, cancellationToken: cancellationToken))).ToHashSet();

        var history = assignments.Where(a => inserted.Contains(a.ProposalId)).ToList();
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO assignment_history (proposal_id, action, from_unit_code, to_unit_code, reason, by_whom, at)
            SELECT h.id, 'Assigned', NULL, h.unit, h.reason, 'routing', h.at
            FROM unnest(@Ids, @Units, @Reasons, @At) AS h(id, unit, reason, at)
            """,
            new
            {
                Ids = history.Select(a => a.ProposalId).ToArray(),
                Units = history.Select(a => a.UnitCode).ToArray(),
                Reasons = history.Select(a => a.Reason).ToArray(),
                At = history.Select(a => a.AssignedAt.UtcDateTime).ToArray(),
            },
            work.Transaction, cancellationToken: cancellationToken));
        return inserted;
    }

    /// <summary>The assignment inside <paramref name="work"/>; with <paramref name="lockRow"/> no one else changes it until the transaction ends.</summary>
    public static Task<AssignmentRow?> FindAsync(UnitOfWork work, Guid proposalId, bool lockRow, CancellationToken cancellationToken) =>
        work.Connection.QuerySingleOrDefaultAsync<AssignmentRow>(new CommandDefinition(
            SelectAssignment + " WHERE a.proposal_id = @proposalId" + (lockRow ? " FOR UPDATE OF a" : string.Empty),
            new { proposalId }, work.Transaction, cancellationToken: cancellationToken));

    /// <summary>Adds co-handling units with their opinion deadline; returns the ones that were new.</summary>
    public static async Task<IReadOnlyList<CoHandlingRow>> AddCoHandlersAsync(
        UnitOfWork work, Guid proposalId, IReadOnlyCollection<string> unitCodes, DateTimeOffset assignedAt, DateTimeOffset dueAt,
        CancellationToken cancellationToken)
    {
        if (unitCodes.Count == 0)
        {
            return [];
        }

        var added = (await work.Connection.QueryAsync<string>(new CommandDefinition(
            """
            INSERT INTO co_handlings (proposal_id, unit_code, assigned_at, due_at)
            SELECT @proposalId, code, @assignedAt, @dueAt FROM unnest(@unitCodes) AS code
            ON CONFLICT DO NOTHING
            RETURNING unit_code
            """,
            new { proposalId, unitCodes = unitCodes.ToArray(), assignedAt, dueAt }, work.Transaction, cancellationToken: cancellationToken))).ToArray();

        return (await work.Connection.QueryAsync<CoHandlingRow>(new CommandDefinition(
            SelectCoHandling + " WHERE c.proposal_id = @proposalId AND c.unit_code = ANY(@added) ORDER BY c.unit_code",
            new { proposalId, added }, work.Transaction, cancellationToken: cancellationToken))).AsList();
    }

    public static Task ReassignAsync(UnitOfWork work, Guid proposalId, string toUnitCode, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE assignments SET unit_code = @toUnitCode, manually_assigned = true WHERE proposal_id = @proposalId;
            -- the new lead no longer co-handles its own item
            DELETE FROM co_handlings WHERE proposal_id = @proposalId AND unit_code = @toUnitCode;
            """,
            new { proposalId, toUnitCode }, work.Transaction, cancellationToken: cancellationToken));

    public static Task ReturnAsync(UnitOfWork work, Guid proposalId, string reason, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE assignments SET status = 'Returned', returned_at = @at, return_reason = @reason, returned_by = @by
            WHERE proposal_id = @proposalId
            """,
            new { proposalId, reason, by, at }, work.Transaction, cancellationToken: cancellationToken));

    /// <summary>Moves the reply deadline; <paramref name="progressExplanationId"/> names the explanation to the submitter it rests on, if it needed one.</summary>
    public static Task ExtendAsync(
        UnitOfWork work, Guid proposalId, DateTimeOffset previousDueAt, DateTimeOffset newDueAt, string reason, string approvedBy, DateTimeOffset at,
        Guid? progressExplanationId, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE assignments SET due_at = @newDueAt WHERE proposal_id = @proposalId;
            INSERT INTO deadline_extensions (proposal_id, previous_due_at, new_due_at, reason, approved_by, extended_at, progress_explanation_id)
            VALUES (@proposalId, @previousDueAt, @newDueAt, @reason, @approvedBy, @at, @progressExplanationId);
            """,
            new { proposalId, previousDueAt, newDueAt, reason, approvedBy, at, progressExplanationId }, work.Transaction, cancellationToken: cancellationToken));

    private const string SelectExplanation =
        """
        SELECT id AS Id, round AS Round, unit_code AS UnitCode, channel AS Channel, explained_on AS ExplainedOn, account AS Account,
               by_name AS By, recorded_at AS RecordedAt
        FROM progress_explanations
        """;

    public static Task AddExplanationAsync(UnitOfWork work, Guid proposalId, ProgressExplanationRow explanation, string byId, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO progress_explanations (id, proposal_id, round, unit_code, channel, explained_on, account, by_id, by_name, recorded_at)
            VALUES (@Id, @proposalId, @Round, @UnitCode, @Channel, @ExplainedOn::date, @Account, @byId, @By, @RecordedAt)
            """,
            new
            {
                explanation.Id, proposalId, Round = (short)explanation.Round, explanation.UnitCode, explanation.Channel,
                ExplainedOn = explanation.ExplainedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                explanation.Account, byId, explanation.By, explanation.RecordedAt,
            },
            work.Transaction, cancellationToken: cancellationToken));

    /// <summary>The latest explanation of the progress to the submitter in <paramref name="round"/>, or null when there is none.</summary>
    public static Task<ProgressExplanationRow?> LatestExplanationAsync(UnitOfWork work, Guid proposalId, int round, CancellationToken cancellationToken) =>
        work.Connection.QueryFirstOrDefaultAsync<ProgressExplanationRow>(new CommandDefinition(
            SelectExplanation + " WHERE proposal_id = @proposalId AND round = @round ORDER BY recorded_at DESC LIMIT 1",
            new { proposalId, round = (short)round }, work.Transaction, cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<ProgressExplanationRow>> ExplanationsAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ProgressExplanationRow>(new CommandDefinition(
            SelectExplanation + " WHERE proposal_id = @proposalId ORDER BY recorded_at", new { proposalId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Records the opinion; false when the unit does not co-handle the item or already sent it.</summary>
    public static async Task<bool> SubmitOpinionAsync(
        UnitOfWork work, Guid proposalId, string unitCode, string by, string opinion, DateTimeOffset at, CancellationToken cancellationToken) =>
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE co_handlings SET opinion_submitted_at = @at, opinion_submitted_by = @by, opinion = @opinion
            WHERE proposal_id = @proposalId AND unit_code = @unitCode AND opinion_submitted_at IS NULL
            """,
            new { proposalId, unitCode, by, opinion, at }, work.Transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>
    /// Reopens a replied item for re-handling round <paramref name="round"/>: a new reply is due at
    /// <paramref name="dueAt"/>. False when the item is not open to it (returned, or already in that round).
    /// </summary>
    public static async Task<bool> ReopenAsync(UnitOfWork work, Guid proposalId, int round, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE assignments SET round = @round, due_at = @dueAt, replied_at = NULL
            WHERE proposal_id = @proposalId AND status = 'Assigned' AND round < @round
            """,
            new { proposalId, round = (short)round, dueAt }, work.Transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>The reply of <paramref name="round"/> went out: the reply deadline is no longer watched (a late reply of an earlier round changes nothing).</summary>
    public static Task MarkRepliedAsync(UnitOfWork work, Guid proposalId, int round, DateTimeOffset at, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE assignments SET replied_at = @at WHERE proposal_id = @proposalId AND replied_at IS NULL AND round <= @round",
            new { proposalId, at, round = (short)round }, work.Transaction, cancellationToken: cancellationToken));

    public static Task AddHistoryAsync(
        UnitOfWork work, Guid proposalId, string action, string? fromUnitCode, string? toUnitCode, string reason, string by, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO assignment_history (proposal_id, action, from_unit_code, to_unit_code, reason, by_whom, at)
            VALUES (@proposalId, @action, @fromUnitCode, @toUnitCode, @reason, @by, @at)
            """,
            new { proposalId, action, fromUnitCode, toUnitCode, reason, by, at }, work.Transaction, cancellationToken: cancellationToken));

    public async Task<AssignmentRow?> FindAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AssignmentRow>(new CommandDefinition(
            SelectAssignment + " WHERE a.proposal_id = @proposalId", new { proposalId }, cancellationToken: cancellationToken));
    }

    /// <summary>The item's lead unit and co-handlers, which is what its authorization looks at; null when it has no assignment.</summary>
    public async Task<ItemParties?> PartiesAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return PartiesOf(await connection.QuerySingleOrDefaultAsync<(string UnitCode, string[] CoHandlers)?>(new CommandDefinition(
            SelectParties, new { proposalId }, cancellationToken: cancellationToken)));
    }

    /// <summary>As <see cref="PartiesAsync(Guid, CancellationToken)"/>, inside <paramref name="work"/>: of the assignment it has locked.</summary>
    public static async Task<ItemParties?> PartiesAsync(UnitOfWork work, Guid proposalId, CancellationToken cancellationToken) =>
        PartiesOf(await work.Connection.QuerySingleOrDefaultAsync<(string UnitCode, string[] CoHandlers)?>(new CommandDefinition(
            SelectParties, new { proposalId }, work.Transaction, cancellationToken: cancellationToken)));

    private const string SelectParties =
        """
        SELECT a.unit_code, ARRAY(SELECT c.unit_code FROM co_handlings c WHERE c.proposal_id = a.proposal_id)
        FROM assignments a WHERE a.proposal_id = @proposalId
        """;

    private static ItemParties? PartiesOf((string UnitCode, string[] CoHandlers)? row) =>
        row is { } found ? new ItemParties(found.UnitCode, found.CoHandlers) : null;

    public async Task<IReadOnlyList<CoHandlingRow>> CoHandlersAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<CoHandlingRow>(new CommandDefinition(
            SelectCoHandling + " WHERE c.proposal_id = @proposalId ORDER BY c.unit_code", new { proposalId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<HistoryRow>> HistoryAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<HistoryRow>(new CommandDefinition(
            """
            SELECT action AS Action, from_unit_code AS FromUnitCode, to_unit_code AS ToUnitCode, reason AS Reason, by_whom AS By, at AS At
            FROM assignment_history WHERE proposal_id = @proposalId ORDER BY id
            """,
            new { proposalId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<ExtensionRow>> ExtensionsAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ExtensionRow>(new CommandDefinition(
            """
            SELECT previous_due_at AS PreviousDueAt, new_due_at AS NewDueAt, reason AS Reason, approved_by AS ApprovedBy, extended_at AS ExtendedAt,
                   progress_explanation_id AS ProgressExplanationId
            FROM deadline_extensions WHERE proposal_id = @proposalId ORDER BY id
            """,
            new { proposalId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Every item still assigned, as the routing dry run needs it.</summary>
    public async Task<IReadOnlyList<RoutedItem>> RoutedItemsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AssignmentRow>(new CommandDefinition(
            SelectAssignment + " WHERE a.status = 'Assigned' ORDER BY a.assigned_at", cancellationToken: cancellationToken));
        return rows.Select(row => new RoutedItem(row.ProposalId, row.Title, row.Topic, row.Tags, row.UnitCode, row.ManuallyAssigned)).ToList();
    }
}

/// <summary>What routing decided for a newly registered item.</summary>
public sealed record NewAssignment(
    Guid ProposalId, string UnitCode, string Topic, string Title, DateTimeOffset AssignedAt, DateTimeOffset DueAt,
    DateTimeOffset ClockStartedAt, string HandlingMode, string[] Tags, bool IsKeyItem, string Reason, string Kind);

public sealed class AssignmentRow
{
    public Guid ProposalId { get; set; }
    public string UnitCode { get; set; } = "";
    public string UnitName { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Title { get; set; } = "";
    public DateTimeOffset AssignedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset ClockStartedAt { get; set; }
    public string Status { get; set; } = "";
    public string HandlingMode { get; set; } = "";
    public string[] Tags { get; set; } = [];
    public bool IsKeyItem { get; set; }
    public bool ManuallyAssigned { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public string? ReturnReason { get; set; }
    public string? ReturnedBy { get; set; }

    /// <summary>1, or 2 and on once the item is handled again after a dissatisfied answer.</summary>
    public short Round { get; set; } = 1;

    /// <summary><c>Suggestion</c> or <c>Proposal</c>; null for an item assigned before kinds were recorded here.</summary>
    public string? Kind { get; set; }

    public ProposalKind? KindOf => EnumNames.TryParse<ProposalKind>(Kind, out var kind) ? kind : null;
}

public sealed class CoHandlingRow
{
    public Guid ProposalId { get; set; }
    public string UnitCode { get; set; } = "";
    public string UnitName { get; set; } = "";
    public DateTimeOffset AssignedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? OpinionSubmittedAt { get; set; }
    public string? OpinionSubmittedBy { get; set; }
}

public sealed record HistoryRow(string Action, string? FromUnitCode, string? ToUnitCode, string Reason, string By, DateTimeOffset At);

public sealed record ExtensionRow(
    DateTimeOffset PreviousDueAt, DateTimeOffset NewDueAt, string Reason, string ApprovedBy, DateTimeOffset ExtendedAt, Guid? ProgressExplanationId);

/// <summary>How the lead unit explained the item's progress to the submitter, on which Beijing day, and what was said.</summary>
public sealed class ProgressExplanationRow
{
    public Guid Id { get; set; }
    public int Round { get; set; }
    public string UnitCode { get; set; } = "";
    public string Channel { get; set; } = "";
    public DateOnly ExplainedOn { get; set; }
    public string Account { get; set; } = "";
    public string By { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}
