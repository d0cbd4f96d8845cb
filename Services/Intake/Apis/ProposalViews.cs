using System.Text.Json;
using ProposalPlatform.Contracts;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Apis;

/// <summary>The single item, the only answer that carries the submitters' contact details; its story is reporting's (GET /api/reporting/items/{id}/story).</summary>
public sealed record ProposalView(
    Guid Id,
    string Kind,
    SessionView Session,
    int Number,
    string Title,
    string Text,
    SubmitterView LeadSubmitter,
    string Topic,
    string Status,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<SubmitterView> CoSigners,
    IReadOnlyList<string> Tags,
    string HandlingMode,
    bool IsKeyItem,
    string? SupervisingBody,
    string? BatchReference,
    DateTimeOffset? AssignedByOfficeAt,
    string? SubmittingUnitCode,
    string? AssignedUnitCode,
    IReadOnlyList<string> CoHandlerUnitCodes,
    int Version,
    int Round)
{
    /// <param name="item">The item with its contact details (<see cref="ProposalRepository.WithContactDetails"/>).</param>
    public static ProposalView From(ProposalRecord p, NewProposal item) => new(
        p.Id,
        ((ProposalKind)p.Kind).ToString(),
        new SessionView(p.SessionYear, p.SessionTerm, p.SessionMeeting),
        p.Number,
        p.Title,
        p.Text,
        SubmitterView.From(item.LeadSubmitter),
        p.Topic,
        ProposalStatus.Of(p.Stage, p.Round),
        p.RegisteredAt,
        [.. item.CoSigners.Select(SubmitterView.From)],
        p.Tags,
        ((HandlingMode)p.HandlingMode).ToString(),
        p.IsKeyItem,
        p.SupervisingBody,
        p.BatchReference,
        p.AssignedByOfficeAt,
        p.SubmittingUnitCode,
        p.AssignedUnitCode,
        [.. p.CoHandlerUnits],
        p.Version,
        p.Round);
}

public sealed record SessionView(int Year, int? Term, int? Meeting);

public sealed record SubmitterView(
    string Name, string? Delegation, string? Province, string? City, string Kind, string? Sector, string? Phone, string? Address)
{
    public static SubmitterView From(Submitter s) =>
        new(s.Name, s.Delegation, s.Province, s.City, s.Kind.ToString(), s.Sector, s.Phone, s.Address);
}

/// <summary>An item in a list: no text, no co-signers, no contact details.</summary>
public sealed record ProposalSummary(
    Guid Id,
    string Kind,
    int SessionYear,
    int Number,
    string Title,
    string Topic,
    string Status,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<string> Tags,
    string HandlingMode,
    bool IsKeyItem,
    string? AssignedUnitCode,
    string LeadSubmitterName,
    int Round)
{
    public static ProposalSummary From(ProposalSummaryRecord p) => new(
        p.Id, ((ProposalKind)p.Kind).ToString(), p.SessionYear, p.Number, p.Title, p.Topic, ProposalStatus.Of(p.Stage, p.Round),
        p.RegisteredAt, p.Tags, ((HandlingMode)p.HandlingMode).ToString(), p.IsKeyItem, p.AssignedUnitCode, p.SubmitterName, p.Round);
}

public sealed record ProposalPage(IReadOnlyList<ProposalSummary> Items, int Page, int PageSize, long Total);

/// <summary>One version of an item; contact details are left out of the history.</summary>
public sealed record VersionView(
    int Version,
    bool Current,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ReplacedAt,
    string? ReplacedBecause,
    IReadOnlyList<string> ChangedFields,
    VersionData Data);

public sealed record VersionData(
    int? SessionTerm,
    int? SessionMeeting,
    string Title,
    string Text,
    string Topic,
    IReadOnlyList<string> Tags,
    string HandlingMode,
    bool IsKeyItem,
    string? SupervisingBody,
    DateTimeOffset? AssignedByOfficeAt,
    SubmitterView LeadSubmitter,
    IReadOnlyList<SubmitterView> CoSigners)
{
    public static VersionData From(NewProposal p) => new(
        p.SessionTerm, p.SessionMeeting, p.Title, p.Text, p.Topic, p.Tags, p.HandlingMode.ToString(), p.IsKeyItem, p.SupervisingBody,
        p.AssignedByOfficeAt, SubmitterView.From(p.LeadSubmitter.WithoutContact()),
        [.. p.CoSigners.Select(c => SubmitterView.From(c.WithoutContact()))]);

    public static VersionData From(string json) =>
        From(JsonSerializer.Deserialize<NewProposal>(json, ProposalRepository.Json)
            ?? throw new InvalidOperationException("A stored version is empty."));
}
