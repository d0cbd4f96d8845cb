using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.Assignment.Apis;

/// <summary>A year of the holiday calendar: its official holidays and make-up working days, the notice they come from, and who set them last.</summary>
public sealed record CalendarYearView(int Year, string Source, string UpdatedBy, DateTimeOffset UpdatedAt, IReadOnlyList<CalendarDayView> Days);

/// <summary>A year the calendar holds, in the list of years.</summary>
public sealed record CalendarYearSummary(int Year, string Source, int Holidays, int MakeUpWorkdays, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>One day the notice names: <c>Holiday</c> or <c>MakeUpWorkday</c>, with the holiday it belongs to.</summary>
public sealed record CalendarDayView(DateOnly Date, string Kind, string Name)
{
    public static CalendarDayView From(CalendarDay day) => new(day.Date, day.Kind.ToString(), day.Name);
}

/// <summary>A year's days as the office puts them, replacing what the year held, with the notice they come from.</summary>
public sealed record CalendarYearRequest(string? Source, IReadOnlyList<CalendarDayRequest?>? Days);

public sealed record CalendarDayRequest(DateOnly? Date, string? Kind, string? Name);

/// <summary>One day added to (or changed in) a year the calendar holds.</summary>
public sealed record CalendarDayChange(string? Kind, string? Name);
