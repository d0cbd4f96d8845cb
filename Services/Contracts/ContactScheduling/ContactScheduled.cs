namespace ProposalPlatform.Contracts.ContactScheduling;

/// <summary>A contact with a submitter was planned (or moved to a new time: <paramref name="Rescheduled"/>).</summary>
/// <param name="EntrustedUnitCode">For an entrusted visit, the customs district that visits on the unit's behalf.</param>
public record ContactScheduled(
    Guid ProposalId,
    Guid ContactId,
    ContactChannel Channel,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    string Handler,
    string SubmitterName,
    string? EntrustedUnitCode,
    bool Rescheduled,
    DateTimeOffset At);
