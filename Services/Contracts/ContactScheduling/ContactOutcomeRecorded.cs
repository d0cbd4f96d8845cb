namespace ProposalPlatform.Contracts.ContactScheduling;

/// <summary>
/// The outcome of a contact was recorded, whoever it was with and whatever came of it; for an entrusted
/// visit, <paramref name="ReportedByUnitCode"/> is the district that made it and reported back.
/// </summary>
public record ContactOutcomeRecorded(
    Guid ProposalId,
    Guid ContactId,
    ContactChannel Channel,
    ContactOutcome Outcome,
    string SubmitterName,
    bool WithLeadSubmitter,
    string? ReportedByUnitCode,
    DateTimeOffset At);
