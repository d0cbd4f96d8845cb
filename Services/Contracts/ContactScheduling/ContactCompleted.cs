namespace ProposalPlatform.Contracts.ContactScheduling;

/// <summary>The handling unit has communicated with the submitter, so a formal reply may be issued.</summary>
public record ContactCompleted(
    Guid ProposalId,
    Guid ContactId,
    ContactChannel Channel,
    DateTimeOffset CompletedAt);
