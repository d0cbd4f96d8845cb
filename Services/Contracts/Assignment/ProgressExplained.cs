namespace ProposalPlatform.Contracts.Assignment;

/// <summary>
/// The lead unit explained an item's progress to the submitter, which an extension of its reply past
/// three months needs first. What was said stays in the assignment service (the item's readers see it there).
/// </summary>
/// <param name="ExplainedOn">The Beijing day the submitter was told.</param>
/// <param name="By">Who recorded it: a handler or the head of <paramref name="UnitCode"/>.</param>
public record ProgressExplained(
    Guid ProposalId,
    Guid ExplanationId,
    string UnitCode,
    int Round,
    ExplanationChannel Channel,
    DateOnly ExplainedOn,
    string By,
    DateTimeOffset RecordedAt);
