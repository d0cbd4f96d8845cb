using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.Reply.Apis;

/// <summary>
/// A merged group (并案): Open while it is handled together, Issued once its replies went out, Dissolved
/// when it ended before; each item, the lead first, with whether it is still in it (an item that left
/// says when and why).
/// </summary>
public sealed record HandlingGroupView(
    Guid GroupId,
    Guid LeadProposalId,
    string UnitCode,
    string Status,
    string? Note,
    string FormedBy,
    DateTimeOffset FormedAt,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? DissolvedAt,
    string? DissolvedReason,
    IReadOnlyList<HandlingGroupItemView> Items)
{
    public static HandlingGroupView From(HandlingGroupRow g) => new(
        g.GroupId,
        g.LeadProposalId,
        g.UnitCode,
        g.IssuedAt is not null ? "Issued" : g.DissolvedAt is not null ? "Dissolved" : "Open",
        g.Note,
        g.FormedBy,
        g.FormedAt,
        g.IssuedAt,
        g.DissolvedAt,
        g.DissolvedReason,
        [.. g.Members.OrderByDescending(m => m.ProposalId == g.LeadProposalId).Select(m => new HandlingGroupItemView(m.ProposalId, m.ProposalId == g.LeadProposalId, m.LeftAt is null, m.LeftAt, m.LeftBy, m.LeftReason))]);
}

/// <param name="InGroup">False once the item left the group.</param>
public sealed record HandlingGroupItemView(Guid ProposalId, bool Lead, bool InGroup, DateTimeOffset? LeftAt, string? LeftBy, string? LeftReason);
