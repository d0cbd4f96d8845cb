using Dapper;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.Reply.Data;

/// <summary>Reads an item's whole reply history (every round) and the B-class follow-up list.</summary>
public sealed class ReplyReadModel(ProposalPlatform.Infrastructure.Data.PlatformDatabase database)
{
    public async Task<ReplyHistory?> FindAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var history = await ReadHistoryAsync(connection, proposalId, cancellationToken);
        return history is null ? null : history with { Group = await HandlingGroupReadModel.LatestOfAsync(connection, proposalId, cancellationToken) };
    }

    private static async Task<ReplyHistory?> ReadHistoryAsync(System.Data.Common.DbConnection connection, Guid proposalId, CancellationToken cancellationToken)
    {
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            SELECT proposal_id AS ProposalId, unit_code AS UnitCode, assigned_at AS AssignedAt, returned_at AS ReturnedAt,
                   returned_reason AS ReturnedReason, round AS Round, reopened_at AS ReopenedAt, handling_mode AS HandlingMode,
                   is_key_item AS IsKeyItem, lead_submitter_name AS LeadSubmitterName, co_signer_names AS CoSignerNames
            FROM reply_cases WHERE proposal_id = @proposalId;

            SELECT round AS Round, completed_at AS CompletedAt FROM reply_contacts WHERE proposal_id = @proposalId ORDER BY round;

            SELECT round AS Round, version AS Version, text AS Text, saved_by AS SavedBy, saved_at AS SavedAt
            FROM reply_drafts WHERE proposal_id = @proposalId ORDER BY round, version;

            SELECT round AS Round, draft_version AS DraftVersion, step AS Step, approved AS Approved, signed_by AS SignedBy,
                   comments AS Comments, signed_at AS SignedAt, publication AS Publication, summary AS Summary, signed_by_id AS SignedById
            FROM reply_sign_offs WHERE proposal_id = @proposalId ORDER BY id;

            SELECT unit_code AS UnitCode, unit_name AS UnitName, assigned_at AS AssignedAt, opinion_due_at AS OpinionDueAt,
                   opinion AS Opinion, submitted_by AS SubmittedBy, submitted_at AS SubmittedAt
            FROM reply_co_handlers WHERE proposal_id = @proposalId ORDER BY unit_code;

            SELECT r.reply_id AS ReplyId, r.round AS Round, r.draft_version AS DraftVersion, r.result_class AS ResultClass, r.reply_text AS Text,
                   r.leader_name AS LeaderName, r.leader_phone AS LeaderPhone, r.handler_name AS HandlerName, r.handler_phone AS HandlerPhone,
                   r.publication AS Publication, r.public_text AS PublicText, r.issued_at AS IssuedAt,
                   l.letter_number AS LetterNumber, l.letter_sha256 AS LetterSha256, l.public_sha256 AS PublicLetterSha256
            FROM issued_replies r LEFT JOIN reply_letters l ON l.reply_id = r.reply_id
            WHERE r.proposal_id = @proposalId ORDER BY r.round;

            SELECT rr.reply_id AS ReplyId, rr.name AS Name, rr.is_lead AS IsLead
            FROM reply_recipients rr JOIN issued_replies r ON r.reply_id = rr.reply_id
            WHERE r.proposal_id = @proposalId ORDER BY rr.reply_id, rr.position;

            SELECT reply_id AS ReplyId, on_result AS OnResult, on_attitude AS OnAttitude, comments AS Comments, received_at AS ReceivedAt
            FROM reply_feedback WHERE proposal_id = @proposalId;
            """,
            new { proposalId }, cancellationToken: cancellationToken));

        var item = await results.ReadSingleOrDefaultAsync<CaseHistoryRow>();
        if (item is null)
        {
            return null;
        }

        return new ReplyHistory(
            item,
            (await results.ReadAsync<ContactRow>()).ToList(),
            (await results.ReadAsync<DraftRow>()).ToList(),
            (await results.ReadAsync<SignOffHistoryRow>()).ToList(),
            (await results.ReadAsync<CoHandlerRow>()).ToList(),
            (await results.ReadAsync<IssuedReplyRow>()).ToList(),
            (await results.ReadAsync<RecipientRow>()).ToList(),
            (await results.ReadAsync<FeedbackRow>()).ToList());
    }

    /// <summary>
    /// Who may read the item (null when the reply service does not have it) and the letter of its reply
    /// in <paramref name="round"/>, or its latest when no round is given: the letter as issued (sealed),
    /// or its public version; null when there is none.
    /// </summary>
    public async Task<(ItemParties? Parties, LetterRow? Letter)> LetterAsync(Guid proposalId, int? round, bool publicVersion, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            SELECT c.unit_code, ARRAY(SELECT h.unit_code FROM reply_co_handlers h WHERE h.proposal_id = c.proposal_id)
            FROM reply_cases c WHERE c.proposal_id = @proposalId AND (c.assigned_at IS NOT NULL OR c.returned_at IS NOT NULL);

            SELECT reply_id AS ReplyId, round AS Round, letter_number AS LetterNumber,
                   CASE WHEN @publicVersion THEN public_letter ELSE letter END AS Pdf,
                   CASE WHEN @publicVersion THEN public_sha256 ELSE letter_sha256 END AS Sha256
            FROM reply_letters WHERE proposal_id = @proposalId AND (@round::integer IS NULL OR round = @round)
            ORDER BY round DESC LIMIT 1;
            """,
            new { proposalId, round, publicVersion }, cancellationToken: cancellationToken));
        var parties = await results.ReadSingleOrDefaultAsync<(string? UnitCode, string[] CoHandlers)?>();
        var letter = await results.ReadSingleOrDefaultAsync<LetterRow>();
        return (parties is { } p ? new ItemParties(p.UnitCode, p.CoHandlers) : null, letter);
    }

    /// <summary>Items whose latest issued reply is class B (being solved): they stay followed up until a reply of another class.</summary>
    public async Task<IReadOnlyList<FollowUpRow>> FollowUpsAsync(string? unitCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FollowUpRow>(new CommandDefinition(
            """
            SELECT latest.proposal_id AS ProposalId, c.unit_code AS UnitCode, latest.round AS Round, latest.reply_id AS ReplyId,
                   latest.issued_at AS IssuedAt, c.round AS CurrentRound
            FROM (SELECT DISTINCT ON (proposal_id) proposal_id, round, reply_id, result_class, issued_at
                  FROM issued_replies ORDER BY proposal_id, round DESC) latest
            JOIN reply_cases c ON c.proposal_id = latest.proposal_id
            WHERE latest.result_class = @classB AND (@unitCode::text IS NULL OR c.unit_code = @unitCode)
            ORDER BY latest.issued_at, latest.proposal_id
            """,
            new { classB = (short)ResultClass.B, unitCode }, cancellationToken: cancellationToken));
        return rows.ToList();
    }
    /// <summary>
    /// The items whose current round's latest draft waits for a sign-off step: the last step taken on
    /// that version approved it and the chain goes on (the unit head after the handler; the office after
    /// the head, for a key item). A round already replied or an item returned waits for nobody.
    /// </summary>
    public async Task<IReadOnlyList<SignOffQueueRow>> SignOffQueueAsync(string? unitCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SignOffQueueRow>(new CommandDefinition(
            """
            SELECT d.proposal_id AS ProposalId, c.unit_code AS UnitCode, c.round AS Round, c.is_key_item AS IsKeyItem,
                   c.lead_submitter_name AS LeadSubmitterName, d.version AS DraftVersion, d.saved_by AS SavedBy, d.saved_at AS SavedAt,
                   s.step AS LastStep, s.signed_by AS LastSignedBy, s.signed_at AS LastSignedAt
            FROM reply_cases c
            JOIN LATERAL (SELECT proposal_id, version, saved_by, saved_at FROM reply_drafts
                          WHERE proposal_id = c.proposal_id AND round = c.round ORDER BY version DESC LIMIT 1) d ON true
            JOIN LATERAL (SELECT step, approved, signed_by, signed_at FROM reply_sign_offs
                          WHERE proposal_id = c.proposal_id AND round = c.round AND draft_version = d.version ORDER BY id DESC LIMIT 1) s ON true
            WHERE c.returned_at IS NULL AND s.approved
              AND (s.step = @handler OR (s.step = @unitHead AND c.is_key_item))
              AND NOT EXISTS (SELECT 1 FROM issued_replies r WHERE r.proposal_id = c.proposal_id AND r.round = c.round)
              AND (@unitCode::text IS NULL OR c.unit_code = @unitCode)
            ORDER BY s.signed_at, c.proposal_id
            """,
            new { unitCode, handler = (short)SignOffStep.Handler, unitHead = (short)SignOffStep.UnitHead }, cancellationToken: cancellationToken));
        return rows.ToList();
    }
}

public sealed record ReplyHistory(
    CaseHistoryRow Case,
    IReadOnlyList<ContactRow> Contacts,
    IReadOnlyList<DraftRow> Drafts,
    IReadOnlyList<SignOffHistoryRow> SignOffs,
    IReadOnlyList<CoHandlerRow> CoHandlers,
    IReadOnlyList<IssuedReplyRow> Replies,
    IReadOnlyList<RecipientRow> Recipients,
    IReadOnlyList<FeedbackRow> Feedback)
{
    /// <summary>The merged group (并案) the item joined last, if any.</summary>
    public HandlingGroupRow? Group { get; init; }

    /// <summary>What the reply service knows of who may see and handle the item: its lead unit and co-handlers.</summary>
    public ItemParties Parties => new(Case.UnitCode, [.. CoHandlers.Select(c => c.UnitCode)]);

    /// <summary>The sign-off steps of the round's latest draft version, as the domain reads them.</summary>
    public IReadOnlyList<SignOffEntry> CurrentSignOffs(int round, int? version) =>
        version is null
            ? []
            : SignOffs.Where(s => s.Round == round && s.DraftVersion == version).Select(s => s.ToEntry()).ToList();
}

public sealed class CaseHistoryRow
{
    public Guid ProposalId { get; set; }
    public string? UnitCode { get; set; }
    public DateTimeOffset? AssignedAt { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public string? ReturnedReason { get; set; }
    public int Round { get; set; }
    public DateTimeOffset? ReopenedAt { get; set; }
    public short? HandlingMode { get; set; }
    public bool IsKeyItem { get; set; }
    public string? LeadSubmitterName { get; set; }
    public string[]? CoSignerNames { get; set; }
}

public sealed record ContactRow(int Round, DateTimeOffset CompletedAt);

public sealed record DraftRow(int Round, int Version, string Text, string SavedBy, DateTimeOffset SavedAt);

public sealed class SignOffHistoryRow
{
    public int Round { get; set; }
    public int DraftVersion { get; set; }
    public short Step { get; set; }
    public bool Approved { get; set; }
    public string SignedBy { get; set; } = "";
    public string? Comments { get; set; }
    public DateTimeOffset SignedAt { get; set; }
    public short? Publication { get; set; }
    public string? Summary { get; set; }
    public string? SignedById { get; set; }

    public SignOffEntry ToEntry() =>
        new((SignOffStep)Step, Approved, SignedBy, Comments, SignedAt, Publication is { } p ? (PublicationDecision)p : null, Summary, SignedById);
}

public sealed class CoHandlerRow
{
    public string UnitCode { get; set; } = "";
    public string? UnitName { get; set; }
    public DateTimeOffset? AssignedAt { get; set; }
    public DateTimeOffset? OpinionDueAt { get; set; }
    public string? Opinion { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
}

public sealed class IssuedReplyRow
{
    public Guid ReplyId { get; set; }
    public int Round { get; set; }
    public int DraftVersion { get; set; }
    public short ResultClass { get; set; }
    public string Text { get; set; } = "";
    public string? LeaderName { get; set; }
    /// <summary>Sealed (<see cref="SignatoryPhones"/>).</summary>
    public byte[]? LeaderPhone { get; set; }
    public string? HandlerName { get; set; }
    /// <summary>Sealed (<see cref="SignatoryPhones"/>).</summary>
    public byte[]? HandlerPhone { get; set; }
    public short Publication { get; set; }
    public string? PublicText { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    /// <summary>Null for a reply issued before replies were letters.</summary>
    public string? LetterNumber { get; set; }
    public byte[]? LetterSha256 { get; set; }
    public byte[]? PublicLetterSha256 { get; set; }
}

/// <summary>A reply's letter, or its public version (<see cref="Pdf"/> null when the reply is not published).</summary>
public sealed class LetterRow
{
    public Guid ReplyId { get; set; }
    public int Round { get; set; }
    public string LetterNumber { get; set; } = "";
    public byte[]? Pdf { get; set; }
    public byte[]? Sha256 { get; set; }
}

public sealed record RecipientRow(Guid ReplyId, string Name, bool IsLead);

public sealed class FeedbackRow
{
    public Guid ReplyId { get; set; }
    public short OnResult { get; set; }
    public short OnAttitude { get; set; }
    public string? Comments { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

public sealed class FollowUpRow
{
    public Guid ProposalId { get; set; }
    public string? UnitCode { get; set; }
    public int Round { get; set; }
    public Guid ReplyId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public int CurrentRound { get; set; }
}

public sealed class SignOffQueueRow
{
    public Guid ProposalId { get; set; }
    public string? UnitCode { get; set; }
    public int Round { get; set; }
    public bool IsKeyItem { get; set; }
    public string? LeadSubmitterName { get; set; }
    public int DraftVersion { get; set; }
    public string SavedBy { get; set; } = "";
    public DateTimeOffset SavedAt { get; set; }
    public short LastStep { get; set; }
    public string LastSignedBy { get; set; } = "";
    public DateTimeOffset LastSignedAt { get; set; }
}
