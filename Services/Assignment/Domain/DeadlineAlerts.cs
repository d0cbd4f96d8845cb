using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Assignment;

namespace ProposalPlatform.Assignment.Domain;

/// <summary>A deadline the scheduler watches: the reply of an item, or one co-handling unit's opinion.</summary>
public sealed record WatchedDeadline(string DeadlineId, Guid ProposalId, DeadlineKind Kind, string UnitCode, DateTimeOffset DueAt);

public enum AlertKind
{
    Approaching = 1,
    Missed = 2,
}

/// <summary>
/// One warning about one due date of one deadline; the key under which it is sent once. An approaching
/// warning is for one lead time (<paramref name="DaysBefore"/> Beijing days before the due day); a
/// missed one has none (0).
/// </summary>
public sealed record DeadlineAlert(WatchedDeadline Deadline, AlertKind Kind, int DaysBefore = 0)
{
    public AlertKey Key => new(Deadline.DeadlineId, Kind, Deadline.DueAt, DaysBefore);
}

/// <summary>
/// Identifies an alert: the same deadline, kind, due date and lead time is never sent twice; an
/// extension gives a new due date and so new alerts.
/// </summary>
public readonly record struct AlertKey(string DeadlineId, AlertKind Kind, DateTimeOffset DueAt, int DaysBefore = 0);

/// <summary>Decides which warnings are due for the deadlines being watched.</summary>
public static class DeadlineAlerts
{
    /// <summary>Warned 15 Beijing days before the due day, and again 5 days before.</summary>
    public static readonly IReadOnlyList<int> DefaultWarningDays = [15, 5];

    /// <summary>Beijing days from the day of <paramref name="now"/> to the due day (0 on the due day itself).</summary>
    public static int DaysLeft(DateTimeOffset dueAt, DateTimeOffset now) =>
        BeijingCalendar.DayOf(dueAt).DayNumber - BeijingCalendar.DayOf(now).DayNumber;

    /// <summary>
    /// The alert a deadline calls for now: missed once it is past; before that, the warning of the
    /// shortest lead time the days left are within (so a deadline first seen 3 days ahead is warned
    /// "5 days" only, never the false "15 days"); none further ahead than the longest lead time.
    /// </summary>
    public static (AlertKind Kind, int DaysBefore)? KindAt(DateTimeOffset dueAt, DateTimeOffset now, IReadOnlyCollection<int> warningDays)
    {
        if (now >= dueAt)
        {
            return (AlertKind.Missed, 0);
        }

        var left = DaysLeft(dueAt, now);
        var within = warningDays.Where(days => left <= days).ToList();
        return within.Count > 0 ? (AlertKind.Approaching, within.Min()) : null;
    }

    /// <summary>
    /// Whether <paramref name="alert"/> is covered by one already sent: the same key, or for a warning,
    /// one of a shorter lead time for the same due date (sent later than this one would have been, so
    /// this one would be stale).
    /// </summary>
    public static bool IsCovered(DeadlineAlert alert, IReadOnlySet<AlertKey> alreadySent) =>
        alreadySent.Contains(alert.Key)
        || (alert.Kind == AlertKind.Approaching && alreadySent.Any(sent =>
            sent.Kind == AlertKind.Approaching && sent.DeadlineId == alert.Deadline.DeadlineId
            && sent.DueAt == alert.Deadline.DueAt && sent.DaysBefore <= alert.DaysBefore));

    /// <summary>The alerts to send now for <paramref name="deadlines"/>, leaving out those already sent.</summary>
    public static IReadOnlyList<DeadlineAlert> ToSend(
        IEnumerable<WatchedDeadline> deadlines, DateTimeOffset now, IReadOnlyCollection<int> warningDays, IReadOnlySet<AlertKey> alreadySent)
    {
        var alerts = new List<DeadlineAlert>();
        foreach (var deadline in deadlines)
        {
            if (KindAt(deadline.DueAt, now, warningDays) is var (kind, daysBefore))
            {
                var alert = new DeadlineAlert(deadline, kind, daysBefore);
                if (!IsCovered(alert, alreadySent))
                {
                    alerts.Add(alert);
                }
            }
        }

        return alerts;
    }
}
