using ProposalPlatform.Contracts;

namespace ProposalPlatform.ContactScheduling.Domain;

/// <summary>A contact task as the reminder sees it: its round, when the round began, and what happened in it.</summary>
public sealed record WatchedTask(
    Guid ProposalId,
    string UnitCode,
    int Round,
    DateTimeOffset RoundOpenedAt,
    bool HasContactInRound,
    bool Completed,
    bool Closed);

/// <summary>Reminds a unit that has scheduled no contact for an item some days after assignment or reopening.</summary>
public static class ContactReminders
{
    public const int DefaultDaysWithoutContact = 14;

    /// <summary>
    /// Due from the start of the Beijing day <paramref name="days"/> days after the Beijing day the round
    /// opened on, with no contact planned or recorded in it (cancelled ones do not count), the round not
    /// completed and the item not returned.
    /// </summary>
    public static bool IsDue(WatchedTask task, DateTimeOffset now, int days) =>
        !task.Closed && !task.Completed && !task.HasContactInRound && task.RoundOpenedAt < OpenedBefore(now, days);

    /// <summary>A round opened before this instant has gone <paramref name="days"/> Beijing days by <paramref name="now"/>.</summary>
    public static DateTimeOffset OpenedBefore(DateTimeOffset now, int days) => BeijingCalendar.StartOf(BeijingCalendar.DayOf(now).AddDays(1 - days));

    /// <summary>The tasks to remind about now, leaving out those whose (item, round) was reminded of already.</summary>
    public static IReadOnlyList<WatchedTask> ToRemind(
        IEnumerable<WatchedTask> tasks, DateTimeOffset now, int days, IReadOnlySet<(Guid ProposalId, int Round)> alreadySent) =>
        tasks.Where(t => IsDue(t, now, days) && !alreadySent.Contains((t.ProposalId, t.Round))).ToList();
}
