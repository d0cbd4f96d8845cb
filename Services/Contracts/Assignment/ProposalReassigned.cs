namespace ProposalPlatform.Contracts.Assignment;

/// <summary>The proposal office moved an item from one lead unit to another, with a reason.</summary>
public record ProposalReassigned(
    Guid ProposalId,
    string FromUnitCode,
    string ToUnitCode,
    string ToUnitName,
    string Reason,
    string By,
    DateTimeOffset ReassignedAt);
