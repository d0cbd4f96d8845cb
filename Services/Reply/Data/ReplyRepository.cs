using System.Text.Json;
using Dapper;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.Reply.Data;

/// <summary>
/// The writes of the reply service. Every writer of an item goes through its <c>reply_cases</c> row
/// (an upsert or <see cref="LockAsync"/>), so the changes to one item are serialised.
/// </summary>
public static class ReplyRepository
{
    // Events from assignment and contact scheduling travel on different queues and may arrive in
    // either order, so each one creates the case if it does not exist yet.
    public static async Task RecordAssignedAsync(UnitOfWork work, IReadOnlyList<ProposalAssigned> batch, CancellationToken cancellationToken)
    {
        // one row per item: an upsert may not touch the same row twice in one statement
        var assigned = batch.GroupBy(a => a.ProposalId).Select(g => g.MaxBy(a => a.AssignedAt)!).ToList();
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reply_cases (proposal_id, unit_code, assigned_at, handling_mode)
            SELECT * FROM unnest(@ids, @units, @assignedAt, @modes)
            ON CONFLICT (proposal_id) DO UPDATE SET assigned_at = EXCLUDED.assigned_at, handling_mode = EXCLUDED.handling_mode,
                unit_code = CASE WHEN reply_cases.unit_reassigned_at IS NULL THEN EXCLUDED.unit_code ELSE reply_cases.unit_code END
            """,
            new
            {
                ids = assigned.Select(a => a.ProposalId).ToArray(),
                units = assigned.Select(a => a.UnitCode).ToArray(),
                assignedAt = assigned.Select(a => a.AssignedAt.UtcDateTime).ToArray(),
                modes = assigned.Select(a => (short)a.HandlingMode).ToArray(),
            },
            work.Transaction, cancellationToken: cancellationToken));

        // the co-handlers named at assignment owe an opinion even before their own CoHandlingAssigned arrives
        var coHandlers = assigned
            .SelectMany(a => (a.CoHandlingUnitCodes ?? []).Distinct().Select(unit => (a.ProposalId, Unit: unit, a.AssignedAt)))
            .ToList();
        if (coHandlers.Count > 0)
        {
            await work.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO reply_co_handlers (proposal_id, unit_code, assigned_at)
                SELECT * FROM unnest(@ids, @units, @assignedAt)
                ON CONFLICT (proposal_id, unit_code) DO UPDATE SET assigned_at = COALESCE(reply_co_handlers.assigned_at, EXCLUDED.assigned_at)
                """,
                new
                {
                    ids = coHandlers.Select(c => c.ProposalId).ToArray(),
                    units = coHandlers.Select(c => c.Unit).ToArray(),
                    assignedAt = coHandlers.Select(c => c.AssignedAt.UtcDateTime).ToArray(),
                },
                work.Transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>What the reply needs from intake: whether the item is key (the proposal office signs off too) and whom the reply goes to.</summary>
    public static Task RecordRegisteredAsync(UnitOfWork work, IReadOnlyList<ProposalRegistered> batch, CancellationToken cancellationToken) =>
        RecordRegisteredAsync(work, [.. batch.Select(p => (p.ProposalId, RegisteredItem.Of(p)))], cancellationToken);

    /// <summary>The same, as an item's assignment carries it.</summary>
    public static Task RecordRegisteredAsync(UnitOfWork work, IReadOnlyList<ProposalAssigned> batch, CancellationToken cancellationToken) =>
        RecordRegisteredAsync(work, [.. batch.Where(a => a.Item is not null).Select(a => (a.ProposalId, a.Item!))], cancellationToken);

    private static Task RecordRegisteredAsync(UnitOfWork work, IReadOnlyList<(Guid ProposalId, RegisteredItem Item)> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return Task.CompletedTask;
        }

        var registered = batch.GroupBy(p => p.ProposalId).Select(g => g.MaxBy(p => p.Item.RegisteredAt)).ToList();
        return work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reply_cases (proposal_id, is_key_item, lead_submitter_name, co_signer_names, registered_at,
                                     kind, session_year, number, session_term, session_meeting)
            SELECT r.id, r.key_item, r.lead, ARRAY(SELECT jsonb_array_elements_text(r.co_signers::jsonb)), r.at,
                   r.kind, r.session_year, r.number, r.term, r.meeting
            FROM unnest(@ids, @keyItems, @leads, @coSigners, @registeredAt, @kinds, @sessionYears, @numbers, @terms, @meetings)
                AS r(id, key_item, lead, co_signers, at, kind, session_year, number, term, meeting)
            ON CONFLICT (proposal_id) DO UPDATE SET
                is_key_item = CASE WHEN reply_cases.item_version > 1 THEN reply_cases.is_key_item ELSE EXCLUDED.is_key_item END,
                lead_submitter_name = CASE WHEN reply_cases.item_version > 1 THEN reply_cases.lead_submitter_name ELSE EXCLUDED.lead_submitter_name END,
                co_signer_names = EXCLUDED.co_signer_names, registered_at = EXCLUDED.registered_at,
                kind = COALESCE(EXCLUDED.kind, reply_cases.kind), session_year = COALESCE(EXCLUDED.session_year, reply_cases.session_year),
                number = COALESCE(EXCLUDED.number, reply_cases.number),
                session_term = CASE WHEN reply_cases.item_version > 1 THEN reply_cases.session_term ELSE COALESCE(EXCLUDED.session_term, reply_cases.session_term) END,
                session_meeting = CASE WHEN reply_cases.item_version > 1 THEN reply_cases.session_meeting ELSE COALESCE(EXCLUDED.session_meeting, reply_cases.session_meeting) END
            WHERE reply_cases.registered_at IS NULL OR reply_cases.registered_at <= EXCLUDED.registered_at
            """,
            new
            {
                ids = registered.Select(p => p.ProposalId).ToArray(),
                keyItems = registered.Select(p => p.Item.IsKeyItem).ToArray(),
                leads = registered.Select(p => p.Item.LeadSubmitterName.Trim()).ToArray(),
                coSigners = registered.Select(p => JsonSerializer.Serialize(
                    (p.Item.CoSignerNames ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToArray())).ToArray(),
                registeredAt = registered.Select(p => p.Item.RegisteredAt.UtcDateTime).ToArray(),
                kinds = registered.Select(p => (short?)p.Item.Kind).ToArray(),
                sessionYears = registered.Select(p => p.Item.SessionYear).ToArray(),
                numbers = registered.Select(p => p.Item.Number).ToArray(),
                terms = registered.Select(p => p.Item.SessionTerm).ToArray(),
                meetings = registered.Select(p => p.Item.SessionMeeting).ToArray(),
            },
            work.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// An office correction may make an item key or change its lead submitter or co-signers; a correction
    /// older than the one recorded changes nothing. (Events from before co-signers travelled with
    /// corrections carry none: the registered ones stay.)
    /// </summary>
    public static Task RecordCorrectedAsync(UnitOfWork work, ProposalCorrected corrected, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reply_cases (proposal_id, is_key_item, lead_submitter_name, co_signer_names, item_version, session_term, session_meeting)
            VALUES (@ProposalId, @IsKeyItem, @lead, COALESCE(@coSigners::text[], '{}'), @Version, @SessionTerm, @SessionMeeting)
            ON CONFLICT (proposal_id) DO UPDATE SET is_key_item = EXCLUDED.is_key_item,
                lead_submitter_name = EXCLUDED.lead_submitter_name, item_version = EXCLUDED.item_version,
                co_signer_names = COALESCE(@coSigners::text[], reply_cases.co_signer_names),
                session_term = COALESCE(EXCLUDED.session_term, reply_cases.session_term),
                session_meeting = COALESCE(EXCLUDED.session_meeting, reply_cases.session_meeting)
            WHERE reply_cases.item_version < EXCLUDED.item_version
            """,
            new
            {
                corrected.ProposalId,
                corrected.IsKeyItem,
                lead = corrected.LeadSubmitterName.Trim(),
                coSigners = corrected.CoSignerNames?.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToArray(),
                corrected.Version,
                corrected.SessionTerm,
                corrected.SessionMeeting,
            },
            work.Transaction, cancellationToken: cancellationToken));

    /// <summary>A completed contact counts for its round; the first one of a round is kept.</summary>
    public static async Task RecordContactCompletedAsync(UnitOfWork work, Guid proposalId, int round, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reply_cases (proposal_id, contact_completed_at) VALUES (@proposalId, @completedAt)
            ON CONFLICT (proposal_id) DO UPDATE SET contact_completed_at = COALESCE(reply_cases.contact_completed_at, EXCLUDED.contact_completed_at)
            """,
            new { proposalId, completedAt }, work.Transaction, cancellationToken: cancellationToken));
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO reply_contacts (proposal_id, round, completed_at) VALUES (@proposalId, @round, @completedAt) ON CONFLICT DO NOTHING",
            new { proposalId, round, completedAt }, work.Transaction, cancellationToken: cancellationToken));
    }

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

    /// <summary>Starts round <paramref name="round"/>: a new contact, draft, sign-off and reply are required. A late, older reopening changes nothing.</summary>
    public static Task RecordReopenedAsync(UnitOfWork work, Guid proposalId, int round, DateTimeOffset reopenedAt, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reply_cases (proposal_id, round, reopened_at) VALUES (@proposalId, @round, @reopenedAt)
            ON CONFLICT (proposal_id) DO UPDATE SET round = EXCLUDED.round, reopened_at = EXCLUDED.reopened_at
            WHERE reply_cases.round < EXCLUDED.round
            """,
            new { proposalId, round, reopenedAt }, work.Transaction, cancellationToken: cancellationToken));

    public static async Task RecordCoHandlingAssignedAsync(UnitOfWork work, CoHandlingAssigned assigned, CancellationToken cancellationToken)
    {
        await EnsureCaseAsync(work, assigned.ProposalId, cancellationToken);
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reply_co_handlers (proposal_id, unit_code, unit_name, assigned_at, opinion_due_at)
            VALUES (@ProposalId, @UnitCode, @UnitName, @AssignedAt, @OpinionDueAt)
            ON CONFLICT (proposal_id, unit_code) DO UPDATE SET unit_name = EXCLUDED.unit_name,
                assigned_at = EXCLUDED.assigned_at, opinion_due_at = EXCLUDED.opinion_due_at
            """,
            new { assigned.ProposalId, assigned.UnitCode, assigned.UnitName, assigned.AssignedAt, assigned.OpinionDueAt },
            work.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Attaches a co-handler's written opinion to the lead unit's draft; a later opinion of the same unit replaces an earlier one.</summary>
    public static async Task RecordOpinionAsync(UnitOfWork work, CoHandlingOpinionSubmitted opinion, CancellationToken cancellationToken)
    {
        await EnsureCaseAsync(work, opinion.ProposalId, cancellationToken);
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reply_co_handlers (proposal_id, unit_code, opinion, submitted_by, submitted_at)
            VALUES (@ProposalId, @UnitCode, @Opinion, @SubmittedBy, @SubmittedAt)
            ON CONFLICT (proposal_id, unit_code) DO UPDATE SET opinion = EXCLUDED.opinion,
                submitted_by = EXCLUDED.submitted_by, submitted_at = EXCLUDED.submitted_at
            WHERE reply_co_handlers.submitted_at IS NULL OR reply_co_handlers.submitted_at <= EXCLUDED.submitted_at
            """,
            new { opinion.ProposalId, opinion.UnitCode, opinion.Opinion, opinion.SubmittedBy, opinion.SubmittedAt },
            work.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Locks the item and reads its current round: contact, latest draft version, that version's sign-offs, issued reply, outstanding opinions.</summary>
    /// <remarks>
    /// The lock is a statement of its own, before the read: a statement that waits for a row lock sees the
    /// locked row as the other transaction committed it, but its subqueries still see the snapshot taken
    /// before the wait — two replies issued at once both found none issued, and the second was a 500.
    /// </remarks>
    public static async Task<ReplyCase?> LockAsync(UnitOfWork work, Guid proposalId, CancellationToken cancellationToken)
    {
        using var results = await work.Connection.QueryMultipleAsync(new CommandDefinition(
            """
            SELECT 1 FROM reply_cases WHERE proposal_id = @proposalId FOR UPDATE;
            SELECT c.proposal_id AS ProposalId, c.unit_code AS UnitCode, c.assigned_at AS AssignedAt, c.returned_at AS ReturnedAt,
                   c.round AS Round, c.handling_mode AS HandlingMode, c.is_key_item AS IsKeyItem,
                   c.lead_submitter_name AS LeadSubmitterName, c.co_signer_names AS CoSignerNames,
                   c.kind AS Kind, c.session_year AS SessionYear, c.number AS Number, c.session_term AS SessionTerm, c.session_meeting AS SessionMeeting,
                   (SELECT k.completed_at FROM reply_contacts k WHERE k.proposal_id = c.proposal_id AND k.round = c.round) AS ContactCompletedAt,
                   d.version AS DraftVersion, d.text AS DraftText,
                   (SELECT r.issued_at FROM issued_replies r WHERE r.proposal_id = c.proposal_id AND r.round = c.round) AS IssuedAt,
                   g.group_id AS GroupId, g.lead_proposal_id AS GroupLeadId
            FROM reply_cases c
            LEFT JOIN handling_group_members m ON m.proposal_id = c.proposal_id AND m.active
            LEFT JOIN handling_groups g ON g.group_id = m.group_id
            LEFT JOIN LATERAL (
                SELECT version, text FROM reply_drafts d
                WHERE d.proposal_id = c.proposal_id AND d.round = c.round ORDER BY version DESC LIMIT 1) d ON true
            WHERE c.proposal_id = @proposalId
            """,
            new { proposalId }, work.Transaction, cancellationToken: cancellationToken));
        await results.ReadAsync<int>();
        var row = await results.ReadSingleOrDefaultAsync<CaseRow>();
        if (row is null)
        {
            return null;
        }

        var signOffs = row.DraftVersion is { } version
            ? await work.Connection.QueryAsync<SignOffHistoryRow>(new CommandDefinition(
                """
                SELECT round AS Round, draft_version AS DraftVersion, step AS Step, approved AS Approved, signed_by AS SignedBy, comments AS Comments, signed_at AS SignedAt,
                       publication AS Publication, summary AS Summary, signed_by_id AS SignedById
                FROM reply_sign_offs WHERE proposal_id = @proposalId AND round = @round AND draft_version = @version ORDER BY id
                """,
                new { proposalId, round = row.Round, version }, work.Transaction, cancellationToken: cancellationToken))
            : [];

        // every co-handler (who may read the item) and, of them, those whose opinion is outstanding
        var coHandlers = (await work.Connection.QueryAsync<(string UnitCode, string? UnitName, bool Outstanding)>(new CommandDefinition(
            "SELECT unit_code, unit_name, submitted_at IS NULL FROM reply_co_handlers WHERE proposal_id = @proposalId ORDER BY unit_code",
            new { proposalId }, work.Transaction, cancellationToken: cancellationToken))).ToList();

        return new ReplyCase(row.ProposalId, row.UnitCode, row.AssignedAt, row.ContactCompletedAt, row.DraftText, row.IssuedAt, row.ReturnedAt)
        {
            CoHandlerUnits = [.. coHandlers.Select(c => c.UnitCode)],
            Round = row.Round,
            HandlingMode = row.HandlingMode is { } mode ? (HandlingMode)mode : HandlingMode.Lead,
            IsKeyItem = row.IsKeyItem,
            DraftVersion = row.DraftVersion,
            SignOffs = signOffs.Select(s => s.ToEntry()).ToList(),
            LeadSubmitterName = row.LeadSubmitterName,
            CoSignerNames = row.CoSignerNames ?? [],
            Item = new LetterItem((ProposalKind?)row.Kind, row.SessionYear, row.Number, row.SessionTerm, row.SessionMeeting),
            OutstandingOpinions = [.. coHandlers.Where(c => c.Outstanding).Select(c => c.UnitName is null ? c.UnitCode : $"{c.UnitName} ({c.UnitCode})")],
            Group = row.GroupId is { } groupId ? new GroupMembership(groupId, row.GroupLeadId!.Value) : null,
        };
    }

    /// <summary>Saves the next version of the round's draft and returns its number.</summary>
    public static async Task<int> SaveDraftAsync(
        UnitOfWork work, Guid proposalId, int round, string text, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var version = await work.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            INSERT INTO reply_drafts (proposal_id, round, version, text, saved_by, saved_at)
            SELECT @proposalId, @round, COALESCE(MAX(version), 0) + 1, @text, @by, @at
            FROM reply_drafts WHERE proposal_id = @proposalId AND round = @round
            RETURNING version
            """,
            new { proposalId, round, text, by, at }, work.Transaction, cancellationToken: cancellationToken));
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reply_cases SET draft_text = @text, draft_updated_at = @at WHERE proposal_id = @proposalId",
            new { proposalId, text, at }, work.Transaction, cancellationToken: cancellationToken));
        return version;
    }

    public static Task RecordSignOffAsync(UnitOfWork work, Guid proposalId, int round, SignOffRequest request, DateTimeOffset at, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reply_sign_offs (proposal_id, round, draft_version, step, approved, signed_by, signed_by_id, comments, publication, summary, signed_at)
            VALUES (@proposalId, @round, @DraftVersion, @step, @Approved, @By, @ById, @Comments, @publication, @Summary, @at)
            """,
            new
            {
                proposalId, round, request.DraftVersion, step = (short)request.Step, request.Approved, request.By, request.ById, request.Comments,
                publication = (short?)request.Publication, request.Summary, at,
            },
            work.Transaction, cancellationToken: cancellationToken));

    public static async Task IssueAsync(UnitOfWork work, IssuedReply reply, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO issued_replies (reply_id, proposal_id, round, draft_version, result_class, reply_text, leader_name, leader_phone,
                                        handler_name, handler_phone, publication, public_text, issued_at, group_id)
            VALUES (@ReplyId, @ProposalId, @Round, @DraftVersion, @resultClass, @Text, @LeaderName, @LeaderPhone,
                    @HandlerName, @HandlerPhone, @publication, @PublicText, @IssuedAt, @GroupId)
            """,
            new
            {
                reply.ReplyId, reply.ProposalId, reply.Round, reply.DraftVersion, resultClass = (short)reply.ResultClass, reply.Text,
                reply.LeaderName, reply.LeaderPhone, reply.HandlerName, reply.HandlerPhone, publication = (short)reply.Publication,
                reply.PublicText, reply.IssuedAt, reply.GroupId,
            },
            work.Transaction, cancellationToken: cancellationToken));
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reply_recipients (reply_id, position, name, is_lead)
            SELECT @replyId, position, name, position = 1 FROM unnest(@names) WITH ORDINALITY AS r(name, position)
            """,
            new { replyId = reply.ReplyId, names = recipients.ToArray() }, work.Transaction, cancellationToken: cancellationToken));
        // the columns of the first design still show the latest reply
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reply_cases SET reply_id = @ReplyId, result_class = @resultClass, issued_at = @IssuedAt WHERE proposal_id = @ProposalId",
            new { reply.ReplyId, resultClass = (short)reply.ResultClass, reply.IssuedAt, reply.ProposalId },
            work.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Locks the item and reads its latest issued reply, or null when the item is unknown (not assigned) or has none.</summary>
    /// <summary>The assigned item, locked, with who may act on it and its latest issued reply (if any); null when it is not assigned here.</summary>
    public static async Task<FeedbackTarget?> LockLatestReplyAsync(UnitOfWork work, Guid proposalId, CancellationToken cancellationToken)
    {
        var item = await work.Connection.QuerySingleOrDefaultAsync<(string? UnitCode, string[] CoHandlers)?>(new CommandDefinition(
            """
            SELECT c.unit_code, ARRAY(SELECT h.unit_code FROM reply_co_handlers h WHERE h.proposal_id = c.proposal_id)
            FROM reply_cases c WHERE c.proposal_id = @proposalId AND c.assigned_at IS NOT NULL FOR UPDATE OF c
            """,
            new { proposalId }, work.Transaction, cancellationToken: cancellationToken));
        if (item is not { } found)
        {
            return null;
        }

        var latest = await work.Connection.QuerySingleOrDefaultAsync<LatestReply>(new CommandDefinition(
            """
            SELECT r.reply_id AS ReplyId, r.round AS Round, EXISTS (SELECT 1 FROM reply_feedback f WHERE f.reply_id = r.reply_id) AS HasFeedback
            FROM issued_replies r WHERE r.proposal_id = @proposalId ORDER BY r.round DESC LIMIT 1
            """,
            new { proposalId }, work.Transaction, cancellationToken: cancellationToken));
        return new FeedbackTarget(new ItemParties(found.UnitCode, found.CoHandlers), latest);
    }

    public static Task RecordFeedbackAsync(
        UnitOfWork work, Guid proposalId, LatestReply reply, FeedbackRequest feedback, DateTimeOffset at, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reply_feedback (reply_id, proposal_id, round, on_result, on_attitude, comments, received_at)
            VALUES (@ReplyId, @proposalId, @Round, @onResult, @onAttitude, @Comments, @at)
            """,
            new
            {
                reply.ReplyId, proposalId, reply.Round, onResult = (short)feedback.OnResult, onAttitude = (short)feedback.OnAttitude,
                feedback.Comments, at,
            },
            work.Transaction, cancellationToken: cancellationToken));

    // a message about an item may arrive before its assignment: the case row is what writers lock
    private static Task EnsureCaseAsync(UnitOfWork work, Guid proposalId, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO reply_cases (proposal_id) VALUES (@proposalId) ON CONFLICT (proposal_id) DO UPDATE SET proposal_id = EXCLUDED.proposal_id",
            new { proposalId }, work.Transaction, cancellationToken: cancellationToken));

    private sealed class CaseRow
    {
        public Guid ProposalId { get; set; }
        public string? UnitCode { get; set; }
        public DateTimeOffset? AssignedAt { get; set; }
        public DateTimeOffset? ReturnedAt { get; set; }
        public int Round { get; set; }
        public short? HandlingMode { get; set; }
        public bool IsKeyItem { get; set; }
        public string? LeadSubmitterName { get; set; }
        public string[]? CoSignerNames { get; set; }
        public short? Kind { get; set; }
        public int? SessionYear { get; set; }
        public int? Number { get; set; }
        public int? SessionTerm { get; set; }
        public int? SessionMeeting { get; set; }
        public DateTimeOffset? ContactCompletedAt { get; set; }
        public int? DraftVersion { get; set; }
        public string? DraftText { get; set; }
        public DateTimeOffset? IssuedAt { get; set; }
        public Guid? GroupId { get; set; }
        public Guid? GroupLeadId { get; set; }
    }
}

/// <summary>A formal reply as it is issued; the phones sealed (<see cref="SignatoryPhones"/>).</summary>
public sealed record IssuedReply(
    Guid ReplyId,
    Guid ProposalId,
    int Round,
    int DraftVersion,
    ResultClass ResultClass,
    string Text,
    string LeaderName,
    byte[]? LeaderPhone,
    string HandlerName,
    byte[]? HandlerPhone,
    PublicationDecision Publication,
    string? PublicText,
    DateTimeOffset IssuedAt,
    Guid? GroupId = null);
