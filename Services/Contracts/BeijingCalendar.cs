namespace ProposalPlatform.Contracts;

/// <summary>
/// The calendar every deadline is counted on: Beijing's (UTC+8, no daylight saving, so a fixed offset
/// is exact). A deadline is a Beijing day — "reply due 2020-09-12" — and the instant it stands for is
/// the last second of that day, so every date shown for it, in Beijing, is that day.
/// </summary>
public static class BeijingCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    private static readonly TimeOnly LastSecond = new(23, 59, 59);

    /// <summary>The Beijing day an instant falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>The first instant of a Beijing day.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>The last second of a Beijing day: what a deadline on that day means.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => new(day.ToDateTime(LastSecond), Offset);

    /// <summary>
    /// Calendar months after the Beijing day of <paramref name="from"/>, to the end of that day; where
    /// the month is shorter, its last day (31 January + 1 month = 28 or 29 February).
    /// </summary>
    public static DateTimeOffset MonthsAfter(DateTimeOffset from, int months) => EndOf(DayOf(from).AddMonths(months));

    /// <summary>Calendar days after the Beijing day of <paramref name="from"/>, to the end of that day.</summary>
    public static DateTimeOffset DaysAfter(DateTimeOffset from, int days) => EndOf(DayOf(from).AddDays(days));
}
