using ProposalPlatform.Contracts;
using ProposalPlatform.Notifications.Domain;

namespace ProposalPlatform.Notifications.Data;

/// <summary>A notice as it is read, with its item's number and title where they are known.</summary>
public sealed class NoticeRow
{
    /// <summary>The columns a <see cref="NoticeRow"/> is read from: <c>notices n LEFT JOIN items i</c>.</summary>
    public const string Columns =
        """
        n.id AS Id, n.unit_code AS UnitCode, n.proposal_id AS ProposalId, n.kind AS Kind, n.due_at AS DueAt, n.days AS Days, n.at AS At,
        i.kind AS ItemKind, i.session_year AS SessionYear, i.number AS Number, i.title AS Title
        """;

    public long Id { get; set; }
    public string UnitCode { get; set; } = "";
    public Guid ProposalId { get; set; }
    public string Kind { get; set; } = "";
    public DateTimeOffset? DueAt { get; set; }
    public int? Days { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ItemKind { get; set; }
    public int? SessionYear { get; set; }
    public int? Number { get; set; }
    public string? Title { get; set; }

    /// <summary>When the digest that carried the notice was mailed (read by the portal's list only).</summary>
    public DateTimeOffset? MailedAt { get; set; }

    public Notice ToNotice() => new(
        Id, UnitCode, ProposalId, Enum.Parse<NoticeKind>(Kind), DueAt, Days, At,
        ItemKind is null ? null : new ItemName(Enum.Parse<ProposalKind>(ItemKind), SessionYear!.Value, Number!.Value, Title!));
}
