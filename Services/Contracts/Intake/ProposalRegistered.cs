namespace ProposalPlatform.Contracts.Intake;

/// <summary>
/// An item was taken in. Carries what routing and the other services need; the submitter's
/// contact details are confidential and stay in the intake service.
/// </summary>
public record ProposalRegistered(
    Guid ProposalId,
    ProposalKind Kind,
    int SessionYear,
    int Number,
    string Title,
    string Topic,
    string LeadSubmitterName,
    string Province,
    string City,
    DateTimeOffset RegisteredAt);
