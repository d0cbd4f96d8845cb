namespace ProposalPlatform.Contracts.Assignment;

/// <summary>A deadline is within the warning lead time; sent once per deadline and due date.</summary>
public record DeadlineApproaching(
    Guid ProposalId,
    DeadlineKind Kind,
    string UnitCode,
    DateTimeOffset DueAt,
    DateTimeOffset WarnedAt);
