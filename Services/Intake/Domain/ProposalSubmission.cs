using ProposalPlatform.Contracts;

namespace ProposalPlatform.Intake.Domain;

/// <summary>An item as a client submits it; every field is checked by <see cref="ProposalRules"/>.</summary>
/// <param name="HandlingMode">Lead, CoHandling, Separate or Sole; Lead when not given.</param>
/// <param name="SubmittingUnitCode">The customs district that received a local item and registers it.</param>
public sealed record ProposalSubmission(
    string? Kind,
    SessionInput? Session,
    int? Number,
    string? Title,
    string? Text,
    SubmitterInput? LeadSubmitter,
    string? Topic,
    IReadOnlyList<SubmitterInput?>? CoSigners = null,
    IReadOnlyList<string?>? Tags = null,
    string? HandlingMode = null,
    bool? IsKeyItem = null,
    string? SupervisingBody = null,
    string? BatchReference = null,
    DateTimeOffset? AssignedByOfficeAt = null,
    string? SubmittingUnitCode = null);

/// <summary>The annual session: its year, and the term (届) and meeting (次) where known.</summary>
public sealed record SessionInput(int? Year, int? Term, int? Meeting);

/// <summary>
/// The deputy, member or organisation that raised the item, or a co-signer. Phone and address are
/// confidential: they stay in the intake service and are shown only on the single item.
/// </summary>
public sealed record SubmitterInput(
    string? Name,
    string? Delegation,
    string? Province,
    string? City,
    string? Kind = null,
    string? Sector = null,
    string? Phone = null,
    string? Address = null);

/// <summary>A submitter that passed every check; a co-signer's place may be unknown (the lead's never is).</summary>
public sealed record Submitter(
    SubmitterKind Kind,
    string Name,
    string? Delegation,
    string? Sector,
    string? Province,
    string? City,
    string? Phone,
    string? Address)
{
    /// <summary>The same submitter without the confidential contact details.</summary>
    public Submitter WithoutContact() => this with { Phone = null, Address = null };
}

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
    string Topic,
    Submitter LeadSubmitter,
    IReadOnlyList<Submitter> CoSigners,
    IReadOnlyList<string> Tags,
    HandlingMode HandlingMode,
    bool IsKeyItem,
    string? SupervisingBody,
    string? BatchReference,
    DateTimeOffset? AssignedByOfficeAt,
    string? SubmittingUnitCode);
