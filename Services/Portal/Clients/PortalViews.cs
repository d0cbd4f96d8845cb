namespace ProposalPlatform.Portal.Clients;

/// <summary>The parts of the APIs' answers the portal reads (the services' own views, as JSON).</summary>
public sealed record ProposalPage(IReadOnlyList<ProposalSummary> Items, int Page, int PageSize, long Total);

public sealed record ProposalSummary(
    Guid Id, string Kind, int SessionYear, int Number, string Title, string Topic, string Status, DateTimeOffset RegisteredAt,
    IReadOnlyList<string> Tags, string HandlingMode, bool IsKeyItem, string? AssignedUnitCode, string LeadSubmitterName, int Round);

public sealed record SessionView(int Year, int? Term, int? Meeting);

public sealed record SubmitterView(string Name, string? Delegation, string? Province, string? City, string Kind, string? Sector, string? Phone, string? Address);

public sealed record ProposalView(
    Guid Id, string Kind, SessionView Session, int Number, string Title, string Text, SubmitterView LeadSubmitter, string Topic, string Status,
    DateTimeOffset RegisteredAt, IReadOnlyList<SubmitterView> CoSigners, IReadOnlyList<string> Tags, string HandlingMode, bool IsKeyItem,
    string? SupervisingBody, string? BatchReference, DateTimeOffset? AssignedByOfficeAt, string? SubmittingUnitCode, string? AssignedUnitCode,
    IReadOnlyList<string> CoHandlerUnitCodes, int Version, int Round);

public sealed record TimelineEntry(string Step, DateTimeOffset OccurredAt, string Detail, int? Round, string? Source);

public sealed record ProposalStory(
    Guid Id, string Kind, int SessionYear, int Number, string Title, string Status, int Round, string? AssignedUnitCode, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>The part of assignment's view the item page reads: the lead unit's name and the reply's deadline.</summary>
public sealed record AssignmentView(Guid ProposalId, string UnitCode, string UnitName, DateTimeOffset AssignedAt, DateTimeOffset DueAt);
