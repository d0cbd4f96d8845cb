using ProposalPlatform.Contracts;

namespace ProposalPlatform.Intake.Domain;

/// <summary>An item as a client submits it; every field is checked by <see cref="ProposalRules"/>.</summary>
public sealed record ProposalSubmission(
    string? Kind,
    SessionInput? Session,
    int? Number,
    string? Title,
    string? Text,
    SubmitterInput? LeadSubmitter,
    string? Topic);

/// <summary>The annual session: its year, and the term (届) and meeting (次) where known.</summary>
public sealed record SessionInput(int? Year, int? Term, int? Meeting);

/// <summary>The deputy, member or organisation that raised the item.</summary>
public sealed record SubmitterInput(string? Name, string? Delegation, string? Province, string? City);

/// <summary>A submission that passed every check.</summary>
public sealed record NewProposal(
    ProposalKind Kind,
    int SessionYear,
    int? SessionTerm,
    int? SessionMeeting,
    int Number,
    string Title,
    string Text,
    string SubmitterName,
    string? SubmitterDelegation,
    string Province,
    string City,
    string Topic);
