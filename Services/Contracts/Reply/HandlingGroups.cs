namespace ProposalPlatform.Contracts.Reply;

/// <summary>
/// The proposal office put items together for merged handling (并案): the lead item's unit writes one
/// draft, takes it through one sign-off chain and decides once on its publication, and every item still
/// gets its own contact and its own formal reply to its own submitters.
/// </summary>
/// <param name="ProposalIds">Every item of the group, the lead among them.</param>
public record HandlingGroupFormed(
    Guid GroupId,
    Guid LeadProposalId,
    string UnitCode,
    IReadOnlyList<Guid> ProposalIds,
    string By,
    DateTimeOffset FormedAt,
    string? Note = null);

/// <summary>An item left its merged group before the group's draft was signed off; it is handled on its own again.</summary>
public record ItemLeftHandlingGroup(Guid GroupId, Guid ProposalId, string Reason, string By, DateTimeOffset LeftAt);

/// <summary>A merged group ended before its replies went out (dissolved by the office, or down to one item); each item is handled on its own.</summary>
/// <param name="ProposalIds">The items that were still in the group.</param>
public record HandlingGroupDissolved(Guid GroupId, IReadOnlyList<Guid> ProposalIds, string Reason, string By, DateTimeOffset DissolvedAt);
