namespace ProposalPlatform.Contracts.ContactScheduling;

/// <summary>
/// The handling unit has communicated with the lead submitter (for a joint item, the lead signer) in
/// this handling round, so a formal reply may be issued.
/// </summary>
/// <param name="Round">1 for the first handling, 2 and on for re-handling after dissatisfaction.</param>
public record ContactCompleted(
    Guid ProposalId,
    Guid ContactId,
    ContactChannel Channel,
    DateTimeOffset CompletedAt,
    int Round = 1);
