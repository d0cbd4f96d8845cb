namespace ProposalPlatform.Assignment.Domain;

/// <summary>The clocks that start at assignment.</summary>
public static class Deadlines
{
    public const int ReplyMonths = 3;

    /// <summary>
    /// The reply is due three calendar months after assignment; where that month is shorter, on its
    /// last day (30 November + 3 months = 28 or 29 February).
    /// </summary>
    public static DateTimeOffset ReplyDue(DateTimeOffset assignedAt) => assignedAt.AddMonths(ReplyMonths);
}
