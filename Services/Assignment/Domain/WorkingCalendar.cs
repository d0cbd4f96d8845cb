using System.Globalization;

namespace ProposalPlatform.Assignment.Domain;

/// <summary>What a day of the official calendar is: a day off of a holiday, or a Saturday or Sunday worked in exchange (调休上班).</summary>
public enum CalendarDayKind
{
    Holiday = 1,
    MakeUpWorkday = 2,
}

/// <summary>A day the State Council's notice names, with the holiday it belongs to (春节, 国庆节, …).</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>How a deadline stated in days is counted.</summary>
public enum DayCounting
{
    /// <summary>Every day counts.</summary>
    CalendarDays = 1,
    /// <summary>Mondays to Fridays that are no holiday, and the make-up working days.</summary>
    WorkingDays = 2,
}

/// <summary>Where a count of days ends, and the years it met that the calendar does not hold.</summary>
/// <param name="MissingYears">Years whose days were counted as calendar days because their holidays are unknown; empty when none.</param>
public sealed record DayCount(DateOnly Day, IReadOnlyList<int> MissingYears);

/// <summary>
/// The official calendar of the years it holds: a working day is a Monday to Friday that is not a
/// holiday, or a make-up working day. A year it does not hold is never guessed: its days count as
/// calendar days, and the count says which years those were.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<int> _years;
    private readonly Dictionary<DateOnly, CalendarDayKind> _days;

    public WorkingCalendar(IEnumerable<int> years, IEnumerable<CalendarDay> days)
    {
        _years = [.. years];
        _days = days.ToDictionary(d => d.Date, d => d.Kind);
    }

    public static WorkingCalendar Empty { get; } = new([], []);

    public static string MissingYearWarning(int year) =>
        string.Create(CultureInfo.InvariantCulture, $"{year} has no holiday calendar; counted as calendar days.");

    public bool Knows(int year) => _years.Contains(year);

    /// <summary>Whether work is done on <paramref name="day"/>; null when its year is not held.</summary>
    public bool? IsWorkingDay(DateOnly day) =>
        !Knows(day.Year) ? null
        : _days.TryGetValue(day, out var kind) ? kind == CalendarDayKind.MakeUpWorkday
        : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The day <paramref name="days"/> days after <paramref name="from"/> (which does not count), counted as
    /// <paramref name="counting"/> says: 7 working days from a Friday end on the second Tuesday after it
    /// when no holiday falls between.
    /// </summary>
    public DayCount After(DateOnly from, int days, DayCounting counting)
    {
        if (counting == DayCounting.CalendarDays)
        {
            return new DayCount(from.AddDays(days), []);
        }

        var missing = new SortedSet<int>();
        var day = from;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day) is not { } working)
            {
                missing.Add(day.Year);
                counted++;
            }
            else if (working)
            {
                counted++;
            }
        }

        return new DayCount(day, [.. missing]);
    }
}
