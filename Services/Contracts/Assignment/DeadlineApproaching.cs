namespace ProposalPlatform.Contracts.Assignment;

/// <summary>
/// A deadline is near: sent once per deadline, due date and lead time (e.g. 15 and then 5 Beijing days
/// before the due day).
/// </summary>
/// <param name="DaysBefore">
/// The lead time this warning is for, in Beijing days before the due day; absent (0) from warnings of
/// earlier versions, which had one lead time only.
/// </param>
public record DeadlineApproaching(
    Guid ProposalId,
    DeadlineKind Kind,
    string UnitCode,
    DateTimeOffset DueAt,
    DateTimeOffset WarnedAt,
    int DaysBefore = 0);
