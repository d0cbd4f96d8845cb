namespace ProposalPlatform.Contracts.Assignment;

/// <summary>A unit was made co-handler of an item: it owes the lead unit a written opinion by <see cref="OpinionDueAt"/>.</summary>
public record CoHandlingAssigned(
    Guid ProposalId,
    string LeadUnitCode,
    string UnitCode,
    string UnitName,
    DateTimeOffset AssignedAt,
    DateTimeOffset OpinionDueAt);
