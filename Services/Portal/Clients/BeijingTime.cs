using ProposalPlatform.Contracts;

namespace ProposalPlatform.Portal.Clients;

/// <summary>Times as the office reads them: Beijing time, on the platform's one calendar (<see cref="BeijingCalendar"/>).</summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = BeijingCalendar.Offset;

    public static string Format(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm");

    public static string Format(DateTimeOffset? at) => at is { } value ? Format(value) : "—";

    /// <summary>The time of day alone (HH:mm), empty when there is none.</summary>
    public static string Clock(DateTimeOffset? at) => at?.ToOffset(Offset).ToString("HH:mm") ?? "";

    /// <summary>A planned slot as one reads it: the start's date and time, to the end's time.</summary>
    public static string Span(DateTimeOffset? start, DateTimeOffset? end) => $"{Format(start)}–{Clock(end)}";

    /// <summary>A deadline's day: the Beijing day the instant falls on.</summary>
    public static string Date(DateTimeOffset at) => BeijingCalendar.DayOf(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A Beijing wall-clock date and time (as a picker gives it) as the instant it names.</summary>
    public static DateTimeOffset At(DateTime date, TimeSpan time) => new(date.Date + time, Offset);
}
