namespace ProposalPlatform.Contracts.Assignment;

/// <summary>
/// An item is handled again after the submitter's dissatisfaction: a new round with its own
/// 1-month deadline, in which a new contact and a new reply are required.
/// </summary>
public record ProposalReopened(Guid ProposalId, int Round, string UnitCode, DateTimeOffset ReopenedAt, DateTimeOffset DueAt);
