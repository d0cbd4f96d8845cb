namespace ProposalPlatform.Portal.Clients;

/// <summary>A year the holiday calendar holds, as assignment lists them.</summary>
public sealed record CalendarYearSummary(int Year, string Source, int Holidays, int MakeUpWorkdays, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>A year of the holiday calendar: its days, the notice they come from, who changed it last.</summary>
public sealed record CalendarYearDays(int Year, string Source, string UpdatedBy, DateTimeOffset UpdatedAt, IReadOnlyList<CalendarDayEntry> Days);

/// <summary>One day of the calendar: <c>Holiday</c> or <c>MakeUpWorkday</c>, with the holiday it belongs to.</summary>
public sealed record CalendarDayEntry(DateOnly Date, string Kind, string Name)
{
    public const string Holiday = "Holiday";
    public const string MakeUpWorkday = "MakeUpWorkday";
}

/// <summary>
/// The part of assignment's view of an item that its deadlines' pieces read: the return window and the
/// rule that gave it, the explanations of the progress to the submitter, and the warnings (a year the
/// holiday calendar does not hold).
/// </summary>
public sealed record AssignmentProgress(
    Guid ProposalId, string UnitCode, string Status, DateTimeOffset ClockStartedAt, DateTimeOffset DueAt, DateTimeOffset? RepliedAt, int Round,
    ReturnWindowInfo ReturnWindow, IReadOnlyList<ProgressExplanationEntry> ProgressExplanations, IReadOnlyList<string> Warnings)
{
    /// <summary>The explanations of the round the item is in: an extension past three months rests on one of them.</summary>
    public IReadOnlyList<ProgressExplanationEntry> OfThisRound => [.. ProgressExplanations.Where(e => e.Round == Round)];
}

public sealed record ReturnWindowInfo(DateTimeOffset ClosesAt, int Days, string Counting);

public sealed record ProgressExplanationEntry(Guid Id, int Round, string UnitCode, string Channel, DateOnly ExplainedOn, string Account, string By, DateTimeOffset RecordedAt);
