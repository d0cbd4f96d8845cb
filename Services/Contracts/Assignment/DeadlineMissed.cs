namespace ProposalPlatform.Contracts.Assignment;

/// <summary>A deadline passed with the work not done; sent once per deadline and due date.</summary>
public record DeadlineMissed(
    Guid ProposalId,
    DeadlineKind Kind,
    string UnitCode,
    DateTimeOffset DueAt,
    DateTimeOffset DetectedAt);
