namespace ProposalPlatform.Portal.Clients;

/// <summary>A merged group (并案) as the reply service shows it (<c>GET /api/replies/groups</c>): Open, Issued or Dissolved.</summary>
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
    IReadOnlyList<HandlingGroupItemView> Items);

public sealed record HandlingGroupItemView(Guid ProposalId, bool Lead, bool InGroup, DateTimeOffset? LeftAt, string? LeftBy, string? LeftReason);
