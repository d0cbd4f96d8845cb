namespace ProposalPlatform.Portal.Clients;

/// <summary>Times as the office reads them: Beijing time (UTC+8, no daylight saving).</summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm");

    public static string Format(DateTimeOffset? at) => at is { } value ? Format(value) : "—";

    public static string Date(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM-dd");

    /// <summary>A Beijing wall-clock date and time (as a picker gives it) as the instant it names.</summary>
    public static DateTimeOffset At(DateTime date, TimeSpan time) => new(date.Date + time, Offset);
}
