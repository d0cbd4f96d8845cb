using ProposalPlatform.Assignment.Data;

namespace ProposalPlatform.Assignment.Apis;

/// <summary>An item's assignment: its lead unit, its co-handlers with their opinion deadlines, its reply deadline.</summary>
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
    int Round)
{
    public static AssignmentView From(AssignmentRow a, IReadOnlyList<CoHandlingRow> coHandlers, IReadOnlyList<ExtensionRow> extensions, int returnWindowDays) => new(
        a.ProposalId, a.UnitCode, a.UnitName, a.Topic, a.Title, a.Tags, a.HandlingMode, a.IsKeyItem, a.Status,
        a.AssignedAt, a.ClockStartedAt, a.DueAt, Domain.Returns.WindowClosesAt(a.ClockStartedAt, returnWindowDays), a.ManuallyAssigned, a.RepliedAt,
        a.ReturnedAt is { } at ? new ReturnView(at, a.ReturnReason ?? "", a.ReturnedBy ?? "") : null,
        coHandlers.Select(c => new CoHandlerView(c.UnitCode, c.UnitName, c.AssignedAt, c.DueAt, c.OpinionSubmittedAt, c.OpinionSubmittedBy)).ToList(),
        extensions,
        a.Round);
}

public sealed record ReturnView(DateTimeOffset ReturnedAt, string Reason, string By);

public sealed record CoHandlerView(string UnitCode, string UnitName, DateTimeOffset AssignedAt, DateTimeOffset OpinionDueAt, DateTimeOffset? OpinionSubmittedAt, string? OpinionSubmittedBy);

public sealed record ReassignRequest(string? UnitCode, string? Reason);

public sealed record ReturnRequest(string? Reason);

/// <summary><c>months</c> adds calendar months to the current due date; <c>newDueAt</c> names it. Give one.</summary>
public sealed record ExtendRequest(DateTimeOffset? NewDueAt, int? Months, string? Reason);

public sealed record CoHandlerRequest(string? UnitCode, string? Reason);

public sealed record OpinionRequest(string? Opinion);
