namespace ProposalPlatform.Contracts.Intake;

/// <summary>
/// An item was taken in. Carries what routing and the other services need; the submitters' contact
/// details are confidential and stay in the intake service.
/// </summary>
/// <param name="Tags">Topic tags besides <paramref name="Topic"/>, used by routing.</param>
/// <param name="HandlingMode">How this body takes part (lead, co-handling, separate, sole).</param>
/// <param name="AssignedByOfficeAt">When the assigning office handed the item to this body (交办); the reply clock starts then.</param>
/// <param name="BatchReference">The assigning office's batch, when the item came in one.</param>
/// <param name="SubmittingUnitCode">The customs district that registered a local item, if one did.</param>
/// <param name="CoSignerNames">Every co-signer of a joint item (names only): each is owed the reply.</param>
/// <param name="SessionTerm">The term (届) of the session, when the item gave it.</param>
/// <param name="SessionMeeting">The meeting (次) of the term, when the item gave it.</param>
public record ProposalRegistered(
    Guid ProposalId,
    ProposalKind Kind,
    int SessionYear,
    int Number,
    string Title,
    string Topic,
    string LeadSubmitterName,
    string Province,
    string City,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<string>? Tags = null,
    HandlingMode HandlingMode = HandlingMode.Lead,
    bool IsKeyItem = false,
    string? SupervisingBody = null,
    DateTimeOffset? AssignedByOfficeAt = null,
    string? BatchReference = null,
    string? SubmittingUnitCode = null,
    IReadOnlyList<string>? CoSignerNames = null,
    int? SessionTerm = null,
    int? SessionMeeting = null);
