using ProposalPlatform.Notifications.Domain;

namespace ProposalPlatform.Notifications.Apis;

/// <summary>A page of a unit's notices, newest first.</summary>
public sealed record NoticeList(string Unit, int Page, int PageSize, long Total, IReadOnlyList<NoticeView> Items);

/// <summary>An item as a notice names it.</summary>
public sealed record NoticeItemView(string Kind, int SessionYear, int Number, string Title);

/// <summary>
/// One notice: what it is about (<c>ReplyDue</c>, <c>ReplyOverdue</c>, <c>OpinionDue</c>, <c>OpinionOverdue</c>,
/// <c>ContactMissing</c>), its Chinese text, the deadline, and when its digest was mailed (null: not yet).
/// </summary>
/// <param name="Days">The lead time of a warning, or the days without a contact.</param>
/// <param name="Item">The item's number and title; null while they are not known here.</param>
public sealed record NoticeView(
    long Id, Guid ProposalId, string Kind, string Text, DateTimeOffset? DueAt, int? Days, DateTimeOffset At, NoticeItemView? Item, DateTimeOffset? MailedAt)
{
    public static NoticeView From(Notice notice, DateTimeOffset? mailedAt) => new(
        notice.Id, notice.ProposalId, notice.Kind.ToString(), NoticeText.Of(notice), notice.DueAt, notice.Days, notice.At,
        notice.Item is { } item ? new NoticeItemView(item.Kind.ToString(), item.SessionYear, item.Number, item.Title) : null,
        mailedAt);
}
