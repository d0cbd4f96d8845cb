namespace ProposalPlatform.Portal.Clients;

// The notifications service's answers (Services/Notifications/Apis/NotificationViews.cs) as the notifications page reads them.

public sealed record NoticeListView(string Unit, int Page, int PageSize, long Total, IReadOnlyList<NoticeRow> Items);

public sealed record NoticeItem(string Kind, int SessionYear, int Number, string Title);

public sealed record NoticeRow(
    long Id, Guid ProposalId, string Kind, string Text, DateTimeOffset? DueAt, int? Days, DateTimeOffset At, NoticeItem? Item, DateTimeOffset? MailedAt);
