namespace ProposalPlatform.Contracts.Assignment;

/// <summary>An item was given to its lead handling unit; the reply is due at <see cref="DueAt"/>.</summary>
/// <param name="CoHandlingUnitCodes">Units that owe the lead unit a written opinion within a month.</param>
/// <param name="HandlingMode">How this body takes part in the item.</param>
/// <param name="ClockStartedAt">When the reply clock started: the assigning office's date of assignment when it gave one, else <paramref name="AssignedAt"/>.</param>
/// <param name="Item">
/// The registration facts contact scheduling and reply keep, so that they need not take every
/// <c>ProposalRegistered</c> as well. Absent from messages published before they travelled here.
/// </param>
public record ProposalAssigned(
    Guid ProposalId,
    string UnitCode,
    string UnitName,
    DateTimeOffset AssignedAt,
    DateTimeOffset DueAt,
    IReadOnlyList<string>? CoHandlingUnitCodes = null,
    HandlingMode HandlingMode = HandlingMode.Lead,
    DateTimeOffset? ClockStartedAt = null,
    RegisteredItem? Item = null);
