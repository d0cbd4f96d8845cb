using ProposalPlatform.Contracts;

namespace ProposalPlatform.Assignment.Domain;

/// <summary>The clocks that start at assignment, counted in calendar months on Beijing's calendar (<see cref="BeijingCalendar"/>).</summary>
public static class Deadlines
{
    public const int ReplyMonths = 3;
    public const int LatestReplyMonths = 6;
    public const int CoHandlingOpinionMonths = 1;
    public const int ReHandlingMonths = 1;

    /// <summary>
    /// The reply is due three calendar months after assignment; where that month is shorter, on its
    /// last day (30 November + 3 months = 28 or 29 February).
    /// </summary>
    public static DateTimeOffset ReplyDue(DateTimeOffset assignedAt) => BeijingCalendar.MonthsAfter(assignedAt, ReplyMonths);

    /// <summary>An extension may move the reply to six calendar months after assignment, no later.</summary>
    public static DateTimeOffset LatestExtendedDue(DateTimeOffset assignedAt) => BeijingCalendar.MonthsAfter(assignedAt, LatestReplyMonths);

    /// <summary>A co-handling unit owes the lead its written opinion one calendar month after assignment.</summary>
    public static DateTimeOffset CoHandlingOpinionDue(DateTimeOffset assignedAt) => BeijingCalendar.MonthsAfter(assignedAt, CoHandlingOpinionMonths);

    /// <summary>After a dissatisfied answer the new reply is due one calendar month after re-handling starts.</summary>
    public static DateTimeOffset ReHandlingDue(DateTimeOffset reHandlingStartedAt) => BeijingCalendar.MonthsAfter(reHandlingStartedAt, ReHandlingMonths);

    /// <summary>
    /// What this body owes for an item: a reply in three months, or — when it only co-handles an item
    /// another body leads — its opinion to that body in one month.
    /// </summary>
    public static DateTimeOffset DueFor(HandlingMode mode, DateTimeOffset assignedAt) =>
        mode == HandlingMode.CoHandling ? CoHandlingOpinionDue(assignedAt) : ReplyDue(assignedAt);
}
