using ProposalPlatform.Contracts.Intake;

namespace ProposalPlatform.Contracts.Assignment;

/// <summary>
/// What intake registered about an assigned item that contact scheduling and reply keep: whom the
/// contact and the reply go to, where the lead submitter lives, and whether the item is key. Names and
/// place only, as in <see cref="ProposalRegistered"/>: the contact details stay in intake.
/// </summary>
/// <param name="RegisteredAt">When intake registered the item (a later correction replaces these facts only if newer).</param>
/// <param name="Kind">The item's kind, session and number, which its reply letter names; absent from messages published before they travelled here.</param>
public record RegisteredItem(
    string LeadSubmitterName,
    string Province,
    string City,
    IReadOnlyList<string>? CoSignerNames,
    bool IsKeyItem,
    DateTimeOffset RegisteredAt,
    ProposalKind? Kind = null,
    int? SessionYear = null,
    int? Number = null,
    int? SessionTerm = null,
    int? SessionMeeting = null)
{
    public static RegisteredItem Of(ProposalRegistered registered) => new(
        registered.LeadSubmitterName, registered.Province, registered.City, registered.CoSignerNames, registered.IsKeyItem, registered.RegisteredAt,
        registered.Kind, registered.SessionYear, registered.Number, registered.SessionTerm, registered.SessionMeeting);
}
