namespace ProposalPlatform.Portal.Clients;

/// <summary>The parts of reporting's answers the statistics page reads.</summary>
public sealed record Compared(int Current, int Previous, int Change);

public sealed record RatioView(int Count, int Of, double? Percent);

public sealed record ComparedRatio(RatioView Current, RatioView Previous, double? ChangePoints);

public sealed record Line(string Key, string Label, Compared Count);

public sealed record RatioLine(string Key, string Label, ComparedRatio Share);

public sealed record RepliesView(Compared ToReply, Compared Issued, ComparedRatio ReplyRate, ComparedRatio OnTime, Compared OverdueNow, IReadOnlyList<RatioLine> ResultClasses, ComparedRatio SolvedOrBeingSolved);

public sealed record ContactsView(ComparedRatio BeforeReply, Compared RepliesWithoutContact, IReadOnlyList<Line> ByChannel, ComparedRatio FaceToFace);

public sealed record LevelsView(Compared Satisfied, Compared BasicallySatisfied, Compared Dissatisfied);

public sealed record FeedbackView(LevelsView FirstRoundOnResult, LevelsView FirstRoundOnAttitude, ComparedRatio Satisfaction, Compared ReHandled, Compared BClassOnFollowUp);

public sealed record AnnualStatistics(
    int Year, int PreviousYear, Compared Items, IReadOnlyList<Line> ByKind, IReadOnlyList<Line> ByMode, ComparedRatio RepliedDirectly,
    IReadOnlyList<Line> ByTopic, IReadOnlyList<Line> ByUnit, Compared KeyItems, Compared Returned, RepliesView Replies, ContactsView Contacts, FeedbackView Feedback);

public sealed record ScoreRow(int? Rank, string UnitCode, string? UnitName, int Items, int RepliesIssued, RatioView OnTime, RatioView ContactBeforeReply, RatioView FaceToFace, RatioView Satisfaction, RatioView Solved, double? Total);

public sealed record ScoresView(int Year, IReadOnlyList<ScoreRow> Units);
