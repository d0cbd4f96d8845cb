namespace ProposalPlatform.Contracts.Assignment;

/// <summary>The reply deadline of an item moved, with a reason and an approver.</summary>
public record DeadlineExtended(
    Guid ProposalId,
    string UnitCode,
    DateTimeOffset PreviousDueAt,
    DateTimeOffset NewDueAt,
    string Reason,
    string ApprovedBy,
    DateTimeOffset ExtendedAt);
