using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Export;
using ProposalPlatform.Reporting.Data;
using ProposalPlatform.Reporting.Domain;

namespace ProposalPlatform.Reporting.Apis;

/// <summary>
/// An item's whole story in one answer: its status and every step reported by the services
/// (registered, assigned, contacts, drafts, sign-off, reply, feedback, re-handling), from their events.
/// No contact details.
/// </summary>
public sealed record ProposalStory(
    Guid Id,
    string Kind,
    int SessionYear,
    int Number,
    string Title,
    string Status,
    int Round,
    string? AssignedUnitCode,
    IReadOnlyList<TimelineEntry> Timeline)
{
    public static ProposalStory From(StoryItem item, IReadOnlyList<TimelineEntry> timeline) => new(
        item.Facts.Id, item.Facts.Kind.ToString(), item.Facts.Year, item.Number, item.Title, ItemStatus.Of(item.Facts), item.Facts.Round,
        item.Facts.LeadUnit, timeline);
}

/// <summary>A count this year, the year before, and the change.</summary>
public sealed record Compared(int Current, int Previous, int Change)
{
    public static Compared Of(int current, int previous) => new(current, previous, current - previous);
}

public sealed record RatioView(int Count, int Of, double? Percent)
{
    public static RatioView From(Ratio r) => new(r.Count, r.Of, r.Percent);
}

/// <summary>A share this year and the year before; the change in percentage points.</summary>
public sealed record ComparedRatio(RatioView Current, RatioView Previous, double? ChangePoints)
{
    public static ComparedRatio Of(Ratio current, Ratio previous) => new(
        RatioView.From(current), RatioView.From(previous),
        current.Percent is { } c && previous.Percent is { } p ? Math.Round(c - p, 1, MidpointRounding.AwayFromZero) : null);
}

/// <summary>One line of a breakdown (a kind, a mode, a topic, a unit, a district, a channel).</summary>
public sealed record Line(string Key, string Label, Compared Count);

public sealed record RatioLine(string Key, string Label, ComparedRatio Share);

public sealed record LevelsView(Compared Satisfied, Compared BasicallySatisfied, Compared Dissatisfied)
{
    public static LevelsView Of(Levels current, Levels previous) => new(
        Compared.Of(current.Satisfied, previous.Satisfied),
        Compared.Of(current.BasicallySatisfied, previous.BasicallySatisfied),
        Compared.Of(current.Dissatisfied, previous.Dissatisfied));
}

public sealed record FiltersView(string? Kind, int? Term, int? Meeting, string? Unit);

public sealed record RepliesView(
    Compared ToReply, Compared Issued, ComparedRatio ReplyRate, ComparedRatio OnTime, Compared OverdueNow,
    IReadOnlyList<RatioLine> ResultClasses, ComparedRatio SolvedOrBeingSolved);

public sealed record ContactsView(ComparedRatio BeforeReply, Compared RepliesWithoutContact, IReadOnlyList<Line> ByChannel, ComparedRatio FaceToFace);

public sealed record FeedbackView(
    LevelsView FirstRoundOnResult, LevelsView FirstRoundOnAttitude, LevelsView AfterReHandlingOnResult, LevelsView AfterReHandlingOnAttitude,
    ComparedRatio Satisfaction, Compared ReHandled, Compared BClassOnFollowUp);

/// <summary>The year's statistics (DOMAIN §7) beside the year before's, each figure with its change.</summary>
public sealed record AnnualStatistics(
    int Year,
    int PreviousYear,
    FiltersView Filters,
    FiltersView PreviousYearFilters,
    DateTimeOffset AsOf,
    Compared Items,
    IReadOnlyList<Line> ByKind,
    IReadOnlyList<Line> ByMode,
    ComparedRatio RepliedDirectly,
    IReadOnlyList<Line> ByTopic,
    IReadOnlyList<Line> ByUnit,
    Compared KeyItems,
    Compared MergedGroups,
    Compared ItemsInMergedGroups,
    Compared Returned,
    Compared EntrustedItems,
    IReadOnlyList<Line> EntrustedByDistrict,
    RepliesView Replies,
    ContactsView Contacts,
    FeedbackView Feedback)
{
    public static AnnualStatistics From(
        StatisticsFilter filter, StatisticsFilter previousFilter, YearFigures y, YearFigures p, IReadOnlyDictionary<string, string> unitNames,
        IEnumerable<string> knownTopics, DateTimeOffset asOf) => new(
        filter.Year,
        previousFilter.Year,
        FiltersOf(filter),
        FiltersOf(previousFilter),
        asOf,
        Compared.Of(y.Items, p.Items),
        [.. Enum.GetValues<ProposalKind>().Select(k => new Line(k.ToString(), ChineseTerms.Of(k), Compared.Of(y.ByKind[k], p.ByKind[k])))],
        [.. Enum.GetValues<HandlingMode>().Select(m => new Line(m.ToString(), ChineseTerms.Of(m), Compared.Of(y.ByMode[m], p.ByMode[m])))],
        ComparedRatio.Of(y.RepliedDirectly, p.RepliedDirectly),
        Breakdown(y.ByTopic, p.ByTopic, knownTopics, key => key),
        Breakdown(y.ByUnit, p.ByUnit, [], key => unitNames.GetValueOrDefault(key, key)),
        Compared.Of(y.KeyItems, p.KeyItems),
        Compared.Of(y.MergedGroups, p.MergedGroups),
        Compared.Of(y.ItemsInMergedGroups, p.ItemsInMergedGroups),
        Compared.Of(y.Returned, p.Returned),
        Compared.Of(y.EntrustedItems, p.EntrustedItems),
        Breakdown(y.EntrustedByDistrict, p.EntrustedByDistrict, [], key => key),
        new RepliesView(
            Compared.Of(y.ToReply, p.ToReply),
            Compared.Of(y.RepliesIssued, p.RepliesIssued),
            ComparedRatio.Of(y.ReplyRate, p.ReplyRate),
            ComparedRatio.Of(y.OnTime, p.OnTime),
            Compared.Of(y.OverdueNow, p.OverdueNow),
            [.. Enum.GetValues<ResultClass>().Select(c => new RatioLine(c.ToString(), ChineseTerms.Of(c), ComparedRatio.Of(y.ResultClasses[c], p.ResultClasses[c])))],
            ComparedRatio.Of(y.SolvedOrBeingSolved, p.SolvedOrBeingSolved)),
        new ContactsView(
            ComparedRatio.Of(y.ContactBeforeReply, p.ContactBeforeReply),
            Compared.Of(y.RepliesWithoutContact, p.RepliesWithoutContact),
            [.. Enum.GetValues<ContactChannel>().Select(c => new Line(c.ToString(), ChineseTerms.Of(c), Compared.Of(y.ContactsByChannel[c], p.ContactsByChannel[c])))],
            ComparedRatio.Of(y.FaceToFace, p.FaceToFace)),
        new FeedbackView(
            LevelsView.Of(y.FirstRoundOnResult, p.FirstRoundOnResult),
            LevelsView.Of(y.FirstRoundOnAttitude, p.FirstRoundOnAttitude),
            LevelsView.Of(y.AfterReHandlingOnResult, p.AfterReHandlingOnResult),
            LevelsView.Of(y.AfterReHandlingOnAttitude, p.AfterReHandlingOnAttitude),
            ComparedRatio.Of(y.Satisfaction, p.Satisfaction),
            Compared.Of(y.ReHandled, p.ReHandled),
            Compared.Of(y.BClassOnFollowUp, p.BClassOnFollowUp)));

    private static FiltersView FiltersOf(StatisticsFilter f) => new(f.Kind?.ToString(), f.Term, f.Meeting, f.Unit);

    /// <summary>Every key of either year (and the known ones, at zero where neither had any), the largest first.</summary>
    private static List<Line> Breakdown(
        IReadOnlyDictionary<string, int> current, IReadOnlyDictionary<string, int> previous, IEnumerable<string> known, Func<string, string> label) =>
        [.. current.Keys.Concat(previous.Keys).Concat(known).Distinct(StringComparer.Ordinal)
            .Select(key => new Line(key, label(key), Compared.Of(current.GetValueOrDefault(key), previous.GetValueOrDefault(key))))
            .OrderByDescending(l => l.Count.Current).ThenByDescending(l => l.Count.Previous).ThenBy(l => l.Key, StringComparer.Ordinal)];
}

public sealed record ScoreRow(
    int? Rank, string UnitCode, string? UnitName, int Items, int RepliesIssued,
    RatioView OnTime, RatioView ContactBeforeReply, RatioView FaceToFace, RatioView Satisfaction, RatioView Solved, double? Total)
{
    public static ScoreRow From(UnitScore s) => new(
        s.Rank, s.UnitCode, s.UnitName, s.Items, s.RepliesIssued, RatioView.From(s.OnTime), RatioView.From(s.ContactBeforeReply),
        RatioView.From(s.FaceToFace), RatioView.From(s.Satisfaction), RatioView.From(s.Solved), s.Total);
}

/// <summary>The units' scores of a year, ranked, with the weights and the formula they were computed by.</summary>
public sealed record ScoresView(int Year, string? Kind, ScoreWeights Weights, string Formula, DateTimeOffset AsOf, IReadOnlyList<ScoreRow> Units);

/// <summary>A page of a unit's open items, the most pressing first: those due soonest, then those with no deadline yet.</summary>
/// <param name="Total">Open items in all (not returned, not answered with satisfaction); <paramref name="Overdue"/> of them past their reply deadline.</param>
public sealed record Worklist(string Unit, DateTimeOffset At, int Page, int PageSize, int Total, int Overdue, IReadOnlyList<WorkRow> Items);

/// <param name="Role">Lead when the unit leads (or handles it alone or separately), CoHandler when it co-handles.</param>
/// <param name="DueAt">The open round's reply deadline, extensions counted.</param>
public sealed record WorkRow(
    Guid Id, string Kind, int SessionYear, int Number, string Title, string Topic, string Status, int Round, string Role, string HandlingMode,
    bool IsKeyItem, string? LeadUnitCode, DateTimeOffset? DueAt, bool Overdue)
{
    public static WorkRow From(WorkItem work, DateTimeOffset now) => new(
        work.Facts.Id, work.Facts.Kind.ToString(), work.Facts.Year, work.Number, work.Title, work.Facts.Topic, ItemStatus.Of(work.Facts),
        work.Facts.Round, work.Leads ? "Lead" : "CoHandler", work.Facts.Mode.ToString(), work.Facts.IsKeyItem, work.Facts.LeadUnit,
        work.Facts.DueAt(work.Facts.Round), work.Facts.IsOverdue(now));
}
