namespace ProposalPlatform.Contracts.Assignment;

/// <summary>
/// Items assigned together (those registered together, routed by the same rules): the same as one
/// <see cref="ProposalAssigned"/> per item, in one message. Subscribers to
/// <see cref="ProposalAssigned"/> subscribe to this too.
/// </summary>
public record ProposalsAssigned(IReadOnlyList<ProposalAssigned> Assignments);
