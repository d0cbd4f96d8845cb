using ProposalPlatform.Contracts.Intake;

namespace ProposalPlatform.Contracts.Assignment;

/// <summary>
/// What intake registered about an assigned item that contact scheduling, reply and notifications keep:
/// whom the contact and the reply go to, where the lead submitter lives, whether the item is key, and the
/// item's kind, session, number and title that its letter and a reminder name it by. Names and place only, as in
/// <see cref="ProposalRegistered"/>: the contact details stay in intake.
/// </summary>
/// <param name="RegisteredAt">When intake registered the item (a later correction replaces these facts only if newer).</param>
/// <param name="Kind">The item's kind, session, number and title: its reply letter names the item by them, and a reminder; absent from messages of earlier versions.</param>
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
    string? Title = null,
    int? SessionTerm = null,
    int? SessionMeeting = null)
{
    public static RegisteredItem Of(ProposalRegistered registered) => new(
        registered.LeadSubmitterName, registered.Province, registered.City, registered.CoSignerNames, registered.IsKeyItem, registered.RegisteredAt,
        registered.Kind, registered.SessionYear, registered.Number, registered.Title, registered.SessionTerm, registered.SessionMeeting);
}
