using ProposalPlatform.Contracts.Assignment;

namespace ProposalPlatform.Assignment.Domain;

/// <summary>A deadline the scheduler watches: the reply of an item, or one co-handling unit's opinion.</summary>
public sealed record WatchedDeadline(string DeadlineId, Guid ProposalId, DeadlineKind Kind, string UnitCode, DateTimeOffset DueAt);

public enum AlertKind
{
    Approaching = 1,
    Missed = 2,
}

/// <summary>One warning about one due date of one deadline; the key under which it is sent once.</summary>
public sealed record DeadlineAlert(WatchedDeadline Deadline, AlertKind Kind)
{
    public AlertKey Key => new(Deadline.DeadlineId, Kind, Deadline.DueAt);
}

/// <summary>
/// Identifies an alert: the same deadline, kind and due date is never sent twice; an extension gives a
/// new due date and so new alerts.
/// </summary>
public readonly record struct AlertKey(string DeadlineId, AlertKind Kind, DateTimeOffset DueAt);

/// <summary>Decides which warnings are due for the deadlines being watched.</summary>
public static class DeadlineAlerts
{
    public const int DefaultWarningDays = 14;

    /// <summary>
    /// The alert a deadline calls for now: missed once it is past, approaching within the lead time
    /// before it, none before that. A deadline first seen after it passed gets only the missed alert:
    /// warning that it is approaching would be false.
    /// </summary>
    public static AlertKind? KindAt(DateTimeOffset dueAt, DateTimeOffset now, TimeSpan leadTime) =>
        now >= dueAt ? AlertKind.Missed
        : now >= dueAt - leadTime ? AlertKind.Approaching
        : null;

    /// <summary>The alerts to send now for <paramref name="deadlines"/>, leaving out those already sent.</summary>
    public static IReadOnlyList<DeadlineAlert> ToSend(
        IEnumerable<WatchedDeadline> deadlines, DateTimeOffset now, TimeSpan leadTime, IReadOnlySet<AlertKey> alreadySent)
    {
        var alerts = new List<DeadlineAlert>();
        foreach (var deadline in deadlines)
        {
            if (KindAt(deadline.DueAt, now, leadTime) is { } kind)
            {
                var alert = new DeadlineAlert(deadline, kind);
                if (!alreadySent.Contains(alert.Key))
                {
                    alerts.Add(alert);
                }
            }
        }

        return alerts;
    }
}
