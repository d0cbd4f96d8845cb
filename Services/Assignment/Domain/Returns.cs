using System.Globalization;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.Assignment.Domain;

/// <summary>An item outside the body's remit can go back to the assigning office, but only for a short while.</summary>
public static class Returns
{
    public const int DefaultWindowDays = 10;

    /// <summary>The window closes at the end of the Beijing day <paramref name="windowDays"/> days after the assignment's.</summary>
    public static DateTimeOffset WindowClosesAt(DateTimeOffset assignedAt, int windowDays) => BeijingCalendar.DaysAfter(assignedAt, windowDays);

    public static ReturnDecision Decide(DateTimeOffset assignedAt, DateTimeOffset now, int windowDays)
    {
        var closesAt = WindowClosesAt(assignedAt, windowDays);
        return new ReturnDecision(now <= closesAt, closesAt);
    }
}

/// <summary>Whether a return is allowed now, and when the window closes (or closed).</summary>
public sealed record ReturnDecision(bool Allowed, DateTimeOffset WindowClosesAt)
{
    /// <summary>The day the window closed, as an ISO date (yyyy-MM-dd) in Beijing.</summary>
    public string ClosedOn => BeijingCalendar.DayOf(WindowClosesAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string RefusalDetail =>
        $"The return window closed on {ClosedOn} ({WindowClosesAt.ToOffset(BeijingCalendar.Offset).ToString("O", CultureInfo.InvariantCulture)}); the item must now be handled.";
}
