using System.Globalization;

namespace ProposalPlatform.Portal.Clients;

/// <summary>
/// The time the contact planner is asked for, from the browser's date and time inputs (Beijing wall
/// clock), and what it would clash with among the unit's planned contacts — the same rule the API
/// applies when it saves: an overlap with the same handler, or with the same submitter, clashes; a
/// contact ending when another starts does not.
/// </summary>
public sealed record PlannerSlot(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The slot, or null while the date or a time is missing or malformed, or the end is not after the start.</summary>
    public static PlannerSlot? Of(string? date, string? start, string? end) =>
        At(date, start) is { } from && At(date, end) is { } to && to > from ? new PlannerSlot(from, to) : null;

    /// <summary>A date (yyyy-MM-dd) and a time (HH:mm, or HH:mm:ss as Blazor reports it) in Beijing as the instant they name.</summary>
    public static DateTimeOffset? At(string? date, string? time) =>
        Day(date) is { } day && TimeOnly.TryParse(time, CultureInfo.InvariantCulture, out var at) ? BeijingTime.At(day, at.ToTimeSpan()) : null;

    public static DateTime? Day(string? date) =>
        DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The Monday (Beijing) of the week holding <paramref name="date"/>, or of today's when it is not a date.</summary>
    public static DateTimeOffset WeekOf(string? date, DateTimeOffset now)
    {
        var day = Day(date) ?? now.ToOffset(BeijingTime.Offset).Date;
        return new DateTimeOffset(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), BeijingTime.Offset);
    }

    /// <param name="handler">Who makes the contact; an entrusted visit has none (the district names its visitor).</param>
    public bool Clashes(Contact planned, string? handler, string? submitter) =>
        planned.PlannedStart < End && planned.PlannedEnd > Start && (Same(planned.Handler, handler) || Same(planned.SubmitterName, submitter));

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal);
}
