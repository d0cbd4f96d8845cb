namespace ProposalPlatform.Contracts.Intake;

/// <summary>
/// An item's data was amended by the office (a new version). Carries the item's routing-relevant
/// data as it now is; the submitters' contact details stay in the intake service.
/// </summary>
/// <param name="Version">The item's version after the correction (the registered item is version 1).</param>
/// <param name="ChangedFields">The fields the correction changed, by their JSON paths (title, text, tags, leadSubmitter, …).</param>
/// <param name="CoSignerNames">Every co-signer as the item now has them (names only).</param>
/// <param name="SessionTerm">The session's term (届) as the item now has it.</param>
/// <param name="SessionMeeting">The session's meeting (次) as the item now has it.</param>
public record ProposalCorrected(
    Guid ProposalId,
    int Version,
    IReadOnlyList<string> ChangedFields,
    string Reason,
    DateTimeOffset CorrectedAt,
    string Title,
    string Topic,
    IReadOnlyList<string> Tags,
    HandlingMode HandlingMode,
    bool IsKeyItem,
    string? SupervisingBody,
    string LeadSubmitterName,
    string Province,
    string City,
    IReadOnlyList<string>? CoSignerNames = null,
    int? SessionTerm = null,
    int? SessionMeeting = null);
