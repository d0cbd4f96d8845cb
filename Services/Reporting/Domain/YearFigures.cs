using ProposalPlatform.Contracts;

namespace ProposalPlatform.Reporting.Domain;

/// <summary>A share: <see cref="Count"/> of <see cref="Of"/>, and the percentage (one decimal; none of nothing).</summary>
public sealed record Ratio(int Count, int Of)
{
    public double? Percent => Of == 0 ? null : Math.Round(100.0 * Count / Of, 1, MidpointRounding.AwayFromZero);

    /// <summary>The exact fraction, for computing with (a score), not for showing.</summary>
    public double? Fraction => Of == 0 ? null : (double)Count / Of;
}

/// <summary>How many answered satisfied, basically satisfied and dissatisfied.</summary>
public sealed record Levels(int Satisfied, int BasicallySatisfied, int Dissatisfied)
{
    public int Answered => Satisfied + BasicallySatisfied + Dissatisfied;

    public static Levels Of(IEnumerable<SatisfactionLevel> answers)
    {
        var list = answers.ToList();
        return new(list.Count(a => a == SatisfactionLevel.Satisfied), list.Count(a => a == SatisfactionLevel.BasicallySatisfied),
            list.Count(a => a == SatisfactionLevel.Dissatisfied));
    }
}

/// <summary>
/// One year's figures of a set of items (see the README, "The year's statistics", for what each
/// counts): pure counting over <see cref="ItemFacts"/>, so the unit tests check every definition.
/// </summary>
public sealed record YearFigures(
    int Items,
    IReadOnlyDictionary<ProposalKind, int> ByKind,
    IReadOnlyDictionary<HandlingMode, int> ByMode,
    Ratio RepliedDirectly,
    IReadOnlyDictionary<string, int> ByTopic,
    IReadOnlyDictionary<string, int> ByUnit,
    int KeyItems,
    int MergedGroups,
    int ItemsInMergedGroups,
    int Returned,
    int EntrustedItems,
    IReadOnlyDictionary<string, int> EntrustedByDistrict,
    int ToReply,
    int RepliesIssued,
    Ratio ReplyRate,
    Ratio OnTime,
    int OverdueNow,
    IReadOnlyDictionary<ResultClass, Ratio> ResultClasses,
    Ratio SolvedOrBeingSolved,
    Ratio ContactBeforeReply,
    IReadOnlyDictionary<ContactChannel, int> ContactsByChannel,
    Ratio FaceToFace,
    Levels FirstRoundOnResult,
    Levels FirstRoundOnAttitude,
    Levels AfterReHandlingOnResult,
    Levels AfterReHandlingOnAttitude,
    Ratio Satisfaction,
    int ReHandled,
    int BClassOnFollowUp)
{
    public int RepliesWithoutContact => ContactBeforeReply.Of - ContactBeforeReply.Count;

    public static YearFigures Of(IReadOnlyCollection<ItemFacts> items, DateTimeOffset now)
    {
        var owed = items.Where(i => i.OwesReply).ToList();
        var replies = owed.SelectMany(i => i.Replies.Select(r => (Item: i, Reply: r))).ToList();
        var replied = owed.Where(i => i.LatestReply is not null).ToList();
        var contacted = items.Where(i => i.ContactsMade.Any()).ToList();
        var firstFeedback = items.Select(i => i.Feedback.FirstOrDefault(f => f.Round == 1)).OfType<FeedbackFact>().ToList();
        var laterFeedback = items.Select(i => i.Feedback.Where(f => f.Round > 1).MaxBy(f => f.Round)).OfType<FeedbackFact>().ToList();
        var entrusted = items
            .Select(i => (Item: i, Districts: i.Contacts.Where(c => c.EntrustedUnit is not null && !c.Cancelled).Select(c => c.EntrustedUnit!).Distinct().ToList()))
            .Where(x => x.Districts.Count > 0).ToList();
        var classes = replied.Select(i => i.LatestReply!.ResultClass).ToList();

        return new YearFigures(
            items.Count,
            Enum.GetValues<ProposalKind>().ToDictionary(k => k, k => items.Count(i => i.Kind == k)),
            Enum.GetValues<HandlingMode>().ToDictionary(m => m, m => items.Count(i => i.Mode == m)),
            new Ratio(items.Count(i => i.RepliedDirectly), items.Count),
            Count(items.GroupBy(i => i.Topic)),
            Count(items.Where(i => i.LeadUnit is not null).GroupBy(i => i.LeadUnit!)),
            items.Count(i => i.IsKeyItem),
            items.Where(i => i.MergedGroup is not null).Select(i => i.MergedGroup).Distinct().Count(),
            items.Count(i => i.MergedGroup is not null),
            items.Count(i => i.Returned),
            entrusted.Count,
            Count(entrusted.SelectMany(x => x.Districts).GroupBy(d => d)),
            owed.Count,
            replies.Count,
            new Ratio(replied.Count, owed.Count),
            new Ratio(replies.Count(x => x.Item.OnTime(x.Reply)), replies.Count),
            owed.Count(i => i.IsOverdue(now)),
            Enum.GetValues<ResultClass>().ToDictionary(c => c, c => new Ratio(classes.Count(x => x == c), classes.Count)),
            new Ratio(classes.Count(c => c is ResultClass.A or ResultClass.B), classes.Count),
            new Ratio(replies.Count(x => x.Item.ContactedBefore(x.Reply)), replies.Count),
            Enum.GetValues<ContactChannel>().ToDictionary(c => c, c => items.Sum(i => i.ContactsMade.Count(x => x.Channel == c))),
            new Ratio(contacted.Count(i => i.MetFaceToFace), contacted.Count),
            Levels.Of(firstFeedback.Select(f => f.OnResult)),
            Levels.Of(firstFeedback.Select(f => f.OnAttitude)),
            Levels.Of(laterFeedback.Select(f => f.OnResult)),
            Levels.Of(laterFeedback.Select(f => f.OnAttitude)),
            new Ratio(firstFeedback.Count(f => f.OnResult != SatisfactionLevel.Dissatisfied), firstFeedback.Count),
            items.Count(i => i.ReHandlingRounds.Count > 0 || i.Reopenings.Count > 0),
            replied.Count(i => i.LatestReply!.ResultClass == ResultClass.B));
    }

    private static Dictionary<string, int> Count(IEnumerable<IGrouping<string, object>> groups) =>
        groups.ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
