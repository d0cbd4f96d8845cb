using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.Assignment.Apis;

/// <summary>
/// An item's assignment: its lead unit, its co-handlers with their opinion deadlines, its reply deadline
/// and its extensions, its return window (by the rule of its kind), the lead unit's explanations of the
/// progress to the submitter, and what the platform could not count as the rules say (<see cref="Warnings"/>,
/// e.g. a year the holiday calendar does not hold).
/// </summary>
public sealed record AssignmentView(
    Guid ProposalId,
    string UnitCode,
    string UnitName,
    string Topic,
    string Title,
    IReadOnlyList<string> Tags,
    string HandlingMode,
    bool IsKeyItem,
    string Status,
    DateTimeOffset AssignedAt,
    DateTimeOffset ClockStartedAt,
    DateTimeOffset DueAt,
    DateTimeOffset ReturnWindowClosesAt,
    bool ManuallyAssigned,
    DateTimeOffset? RepliedAt,
    ReturnView? Return,
    IReadOnlyList<CoHandlerView> CoHandlers,
    IReadOnlyList<ExtensionRow> Extensions,
    int Round,
    string? Kind,
    ReturnWindowView ReturnWindow,
    IReadOnlyList<ProgressExplanationView> ProgressExplanations,
    IReadOnlyList<string> Warnings)
{
    public static AssignmentView From(
        AssignmentRow a, IReadOnlyList<CoHandlingRow> coHandlers, IReadOnlyList<ExtensionRow> extensions,
        IReadOnlyList<ProgressExplanationRow> explanations, ReturnDecision window) => new(
        a.ProposalId, a.UnitCode, a.UnitName, a.Topic, a.Title, a.Tags, a.HandlingMode, a.IsKeyItem, a.Status,
        a.AssignedAt, a.ClockStartedAt, a.DueAt, window.WindowClosesAt, a.ManuallyAssigned, a.RepliedAt,
        a.ReturnedAt is { } at ? new ReturnView(at, a.ReturnReason ?? "", a.ReturnedBy ?? "") : null,
        coHandlers.Select(c => new CoHandlerView(c.UnitCode, c.UnitName, c.AssignedAt, c.DueAt, c.OpinionSubmittedAt, c.OpinionSubmittedBy)).ToList(),
        extensions,
        a.Round,
        a.Kind,
        new ReturnWindowView(window.WindowClosesAt, window.Rule.Days, window.Rule.Counting.ToString()),
        explanations.Select(e => new ProgressExplanationView(e.Id, e.Round, e.UnitCode, e.Channel, e.ExplainedOn, e.Account, e.By, e.RecordedAt)).ToList(),
        window.Warnings);
}

/// <summary>When the return window closes, and the rule that gave it: so many <c>CalendarDays</c> or <c>WorkingDays</c> after the Beijing day of assignment.</summary>
public sealed record ReturnWindowView(DateTimeOffset ClosesAt, int Days, string Counting);

/// <summary>How the lead unit explained the progress to the submitter, on which Beijing day, what was said, and who recorded it.</summary>
public sealed record ProgressExplanationView(
    Guid Id, int Round, string UnitCode, string Channel, DateOnly ExplainedOn, string Account, string By, DateTimeOffset RecordedAt);

public sealed record ReturnView(DateTimeOffset ReturnedAt, string Reason, string By);

public sealed record CoHandlerView(string UnitCode, string UnitName, DateTimeOffset AssignedAt, DateTimeOffset OpinionDueAt, DateTimeOffset? OpinionSubmittedAt, string? OpinionSubmittedBy);

public sealed record ReassignRequest(string? UnitCode, string? Reason);

public sealed record ReturnRequest(string? Reason);

/// <summary><c>months</c> adds calendar months to the current due date; <c>newDueAt</c> names it. Give one.</summary>
public sealed record ExtendRequest(DateTimeOffset? NewDueAt, int? Months, string? Reason);

public sealed record CoHandlerRequest(string? UnitCode, string? Reason);

public sealed record OpinionRequest(string? Opinion);

/// <summary>How the progress was explained (<c>Phone</c>, <c>Video</c>, <c>Visit</c>, <c>Meeting</c>, <c>Letter</c>), on which Beijing day, and what the submitter was told.</summary>
public sealed record ProgressExplanationRequest(string? Channel, DateOnly? ExplainedOn, string? Account);
