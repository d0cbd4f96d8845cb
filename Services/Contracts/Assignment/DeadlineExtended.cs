namespace ProposalPlatform.Contracts.Assignment;

/// <summary>The reply deadline of an item moved, with a reason and an approver.</summary>
/// <param name="ProgressExplanationId">
/// The explanation of the progress to the submitter that an extension past three months after
/// assignment needs first (<see cref="ProgressExplained"/>); null for a shorter one, and in messages
/// published before explanations were recorded.
/// </param>
/// <param name="ProgressExplainedOn">The Beijing day of that explanation.</param>
public record DeadlineExtended(
    Guid ProposalId,
    string UnitCode,
    DateTimeOffset PreviousDueAt,
    DateTimeOffset NewDueAt,
    string Reason,
    string ApprovedBy,
    DateTimeOffset ExtendedAt,
    Guid? ProgressExplanationId = null,
    DateOnly? ProgressExplainedOn = null);
