using ProposalPlatform.Contracts;

namespace ProposalPlatform.Notifications.Domain;

/// <summary>What a notice tells a unit.</summary>
public enum NoticeKind
{
    /// <summary>The item's reply is due soon (the lead unit's).</summary>
    ReplyDue = 1,
    /// <summary>The reply's deadline passed with no reply.</summary>
    ReplyOverdue = 2,
    /// <summary>A co-handling unit's written opinion is due soon.</summary>
    OpinionDue = 3,
    /// <summary>The opinion's deadline passed with no opinion.</summary>
    OpinionOverdue = 4,
    /// <summary>No contact with the submitter scheduled days after assignment (the lead unit's).</summary>
    ContactMissing = 5,
}

/// <summary>An item as a notice names it: its kind, session year, number and title; never its submitters.</summary>
public sealed record ItemName(ProposalKind Kind, int SessionYear, int Number, string Title)
{
    /// <summary>The name of an assigned item, from what its assignment carries (null from messages of versions that did not carry it).</summary>
    public static ItemName? Of(Contracts.Assignment.RegisteredItem? item) =>
        item is { Kind: { } kind, SessionYear: { } year, Number: { } number, Title: { } title } ? new(kind, year, number, title) : null;
}

/// <summary>
/// One reminder to one unit about one item. <paramref name="DueAt"/> is the deadline (none for a
/// missing contact); <paramref name="Days"/> the lead time of a warning, or the days without contact.
/// <paramref name="Item"/> is null while the item's number and title are not known here.
/// </summary>
public sealed record Notice(
    long Id,
    string UnitCode,
    Guid ProposalId,
    NoticeKind Kind,
    DateTimeOffset? DueAt,
    int? Days,
    DateTimeOffset At,
    ItemName? Item);
