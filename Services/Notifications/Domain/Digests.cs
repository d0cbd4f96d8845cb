namespace ProposalPlatform.Notifications.Domain;

/// <summary>One unit's digest of one Beijing day: the notices it carries, most pressing first.</summary>
public sealed record PlannedDigest(string UnitCode, DateOnly Day, IReadOnlyList<Notice> Notices);

/// <summary>A digest as it is mailed.</summary>
public sealed record DigestMail(string Subject, string Body);

/// <summary>
/// The daily digests: one mail per unit per Beijing day with every notice the unit has not been mailed,
/// never one per item. A unit's digest of the day goes from the send time on; a notice that comes
/// after it waits for the next day's.
/// </summary>
public static class Digests
{
    /// <summary>Whether the day's digests may go at <paramref name="now"/>: the send time has come, Beijing time.</summary>
    public static bool SendTimeHasCome(DateTimeOffset now, TimeOnly sendTime) =>
        TimeOnly.FromDateTime(now.ToOffset(Contracts.BeijingCalendar.Offset).DateTime) >= sendTime;

    /// <summary>
    /// The digests to compose now from the notices not yet mailed: one per unit that has any and has had
    /// no digest today (<paramref name="mailedToday"/>), none before the send time.
    /// </summary>
    public static IReadOnlyList<PlannedDigest> Plan(
        IEnumerable<Notice> unmailed, DateTimeOffset now, TimeOnly sendTime, IReadOnlySet<string> mailedToday)
    {
        if (!SendTimeHasCome(now, sendTime))
        {
            return [];
        }

        var day = Contracts.BeijingCalendar.DayOf(now);
        return unmailed
            .Where(notice => !mailedToday.Contains(notice.UnitCode))
            .GroupBy(notice => notice.UnitCode, StringComparer.Ordinal)
            .OrderBy(unit => unit.Key, StringComparer.Ordinal)
            .Select(unit => new PlannedDigest(unit.Key, day, [.. unit
                .OrderBy(n => NoticeText.Urgency(n.Kind))
                .ThenBy(n => n.DueAt ?? n.At)
                .ThenBy(n => n.Id)]))
            .ToList();
    }

    /// <summary>
    /// The mail of a digest, in Chinese: the unit, the day and how many items in the subject; each item
    /// by its number and title with what it calls for and its page in the portal. No submitter's name,
    /// phone or address: a notice has none.
    /// </summary>
    public static DigestMail Compose(PlannedDigest digest, string unitName, Uri? portal)
    {
        var day = NoticeText.Day(digest.Day);
        var lines = new System.Text.StringBuilder();
        lines.Append(unitName).Append("：\n\n")
            .Append("截至").Append(day).Append("，本单位有以下").Append(digest.Notices.Count).Append("件建议提案办理事项需要关注：\n\n");
        var number = 1;
        foreach (var notice in digest.Notices)
        {
            lines.Append(number++).Append(". ").Append(NoticeText.Of(notice)).Append('\n');
            if (portal is not null)
            {
                lines.Append("   查看：").Append(new Uri(portal, $"items/{notice.ProposalId}")).Append('\n');
            }
        }

        lines.Append('\n').Append(portal is null ? "请登录建议提案办理平台处理。" : $"请登录建议提案办理平台（{new Uri(portal, "notifications")}）处理。")
            .Append("本邮件由系统每日汇总发送一次，请勿直接回复。\n");
        return new DigestMail($"【提醒】{unitName} {day} 待办提醒 ({digest.Notices.Count}件)", lines.ToString());
    }
}
