using System.Globalization;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.Assignment.Domain;

/// <summary>
/// An item outside the body's remit can go back to the assigning office, but only for a short while:
/// the days its kind's rule gives (calendar or working days) after the Beijing day of assignment.
/// </summary>
public static class Returns
{
    /// <summary>
    /// The window of an item whose kind this service did not record (assigned before it did): ten
    /// calendar days, the window every item had before the rules were set per kind.
    /// </summary>
    public static DayCountRule Unrecorded => new() { Days = 10, Counting = DayCounting.CalendarDays };

    /// <summary>The years of the calendar a window may reach: the assignment's and the next (a window of at most <see cref="DayCountRule.MaxDays"/> days reaches no further).</summary>
    public static (int First, int Last) YearsOf(DateTimeOffset assignedAt) =>
        (BeijingCalendar.DayOf(assignedAt).Year, BeijingCalendar.DayOf(assignedAt).Year + 1);

    public static ReturnDecision Decide(DateTimeOffset assignedAt, DateTimeOffset now, DayCountRule rule, WorkingCalendar calendar)
    {
        var closes = calendar.After(BeijingCalendar.DayOf(assignedAt), rule.Days, rule.Counting);
        var closesAt = BeijingCalendar.EndOf(closes.Day);
        return new ReturnDecision(now <= closesAt, closesAt, rule, closes.MissingYears);
    }
}

/// <summary>Whether a return is allowed now, when the window closes (or closed), by which rule, and the calendar years it could not count on.</summary>
public sealed record ReturnDecision(bool Allowed, DateTimeOffset WindowClosesAt, DayCountRule Rule, IReadOnlyList<int> MissingYears)
{
    /// <summary>The day the window closed, as an ISO date (yyyy-MM-dd) in Beijing.</summary>
    public string ClosedOn => BeijingCalendar.DayOf(WindowClosesAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>What the window's count says of the years it could not count on, in the API's words.</summary>
    public IReadOnlyList<string> Warnings => [.. MissingYears.Select(WorkingCalendar.MissingYearWarning)];

    public string RefusalDetail =>
        $"The return window closed on {ClosedOn} ({WindowClosesAt.ToOffset(BeijingCalendar.Offset).ToString("O", CultureInfo.InvariantCulture)}); the item must now be handled.";
}
