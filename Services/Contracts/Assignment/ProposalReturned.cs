namespace ProposalPlatform.Contracts.Assignment;

/// <summary>An item outside the body's remit went back to the assigning office, within the return window.</summary>
public record ProposalReturned(
    Guid ProposalId,
    string UnitCode,
    string Reason,
    string By,
    DateTimeOffset ReturnedAt);
