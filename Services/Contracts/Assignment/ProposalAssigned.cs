namespace ProposalPlatform.Contracts.Assignment;

/// <summary>An item was given to its lead handling unit; the reply is due at <see cref="DueAt"/>.</summary>
public record ProposalAssigned(
    Guid ProposalId,
    string UnitCode,
    string UnitName,
    DateTimeOffset AssignedAt,
    DateTimeOffset DueAt);
