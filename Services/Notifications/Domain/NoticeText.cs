using System.Globalization;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.Notifications.Domain;

/// <summary>
/// A notice in the words the units read: the item by its number and title, what is due or late, and
/// when (Beijing days). Nothing of the submitters: the notice knows no name, phone or address.
/// </summary>
public static class NoticeText
{
    /// <summary>The item as "2020年建议第1234号《标题》", or by its id while its number is not known here.</summary>
    public static string ItemOf(Notice notice) => notice.Item is { } item
        ? $"{item.SessionYear}年{KindWord(item.Kind)}第{item.Number}号《{item.Title}》"
        : $"事项 {notice.ProposalId}";

    /// <summary>The notice in one sentence: the item, then what it calls for.</summary>
    public static string Of(Notice notice) => $"{ItemOf(notice)}：{What(notice)}";

    /// <summary>What the notice calls for, without the item.</summary>
    public static string What(Notice notice) => notice.Kind switch
    {
        NoticeKind.ReplyDue => $"答复将于{Day(notice.DueAt)}到期{Ahead(notice.Days)}，请抓紧办理并答复代表委员。",
        NoticeKind.ReplyOverdue => $"答复已于{Day(notice.DueAt)}到期，至今尚未答复，已超期。",
        NoticeKind.OpinionDue => $"协办意见将于{Day(notice.DueAt)}到期{Ahead(notice.Days)}，请及时向主办单位提交书面意见。",
        NoticeKind.OpinionOverdue => $"协办意见已于{Day(notice.DueAt)}到期，至今尚未提交，已超期。",
        NoticeKind.ContactMissing => $"交办已{notice.Days}天，尚未安排与代表委员的沟通；答复前须先沟通联系。",
        _ => throw new ArgumentOutOfRangeException(nameof(notice), notice.Kind, "An unknown kind of notice."),
    };

    /// <summary>A Beijing day as "2026年12月1日".</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset? at) => at is { } due ? Day(BeijingCalendar.DayOf(due)) : "（期限未知）";

    private static string Ahead(int? days) => days is > 0 ? $"（提前{days}天提醒）" : "";

    private static string KindWord(ProposalKind kind) => kind == ProposalKind.Proposal ? "提案" : "建议";

    /// <summary>How pressing a notice is, most first: what is late, then a missing contact, then what is due.</summary>
    public static int Urgency(NoticeKind kind) => kind switch
    {
        NoticeKind.ReplyOverdue => 0,
        NoticeKind.OpinionOverdue => 1,
        NoticeKind.ContactMissing => 2,
        NoticeKind.ReplyDue => 3,
        _ => 4,
    };
}
