using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Notifications.Domain;

namespace ProposalPlatform.UnitTests.Notifications;

/// <summary>The units' reminders grouped into mail: one digest per unit per Beijing day, in Chinese, naming items and nobody.</summary>
public class Composing_the_daily_digests
{
    private static readonly TimeOnly EightOClock = new(8, 0);

    // 2026-12-01 09:30 in Beijing
    private static readonly DateTimeOffset Morning = new(2026, 12, 1, 9, 30, 0, BeijingCalendar.Offset);

    private static readonly ItemName Item = new(ProposalKind.Suggestion, 2026, 1234, "关于加快综合保税区建设的建议");

    private static long _lastId;

    private static Notice Notice(string unit, NoticeKind kind = NoticeKind.ReplyOverdue, ItemName? item = null, int? days = null) =>
        new(Interlocked.Increment(ref _lastId), unit, Guid.NewGuid(), kind, kind == NoticeKind.ContactMissing ? null : BeijingCalendar.EndOf(new DateOnly(2026, 11, 28)),
            days, Morning.AddHours(-1), item ?? Item);

    [Fact]
    public void Makes_one_digest_per_unit_with_all_its_notices()
    {
        Notice[] notices = [Notice("HQ-FTZ"), Notice("HQ-PORTS"), Notice("HQ-FTZ", NoticeKind.ReplyDue, days: 15), Notice("HQ-FTZ", NoticeKind.ContactMissing, days: 14)];

        var digests = Digests.Plan(notices, Morning, EightOClock, new HashSet<string>());

        Assert.Equal(["HQ-FTZ", "HQ-PORTS"], digests.Select(d => d.UnitCode));
        Assert.Equal(3, digests[0].Notices.Count);
        Assert.All(digests, d => Assert.Equal(new DateOnly(2026, 12, 1), d.Day));
    }

    [Fact]
    public void Sends_nothing_before_the_send_time_Beijing_time()
    {
        // 07:59 in Beijing is 23:59Z the day before
        var justBefore = new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.Zero);

        Assert.Empty(Digests.Plan([Notice("HQ-FTZ")], justBefore, EightOClock, new HashSet<string>()));
        Assert.Single(Digests.Plan([Notice("HQ-FTZ")], justBefore.AddMinutes(1), EightOClock, new HashSet<string>()));
    }

    [Fact]
    public void Leaves_a_unit_mailed_today_until_tomorrow()
    {
        var late = Notice("HQ-FTZ");

        var today = Digests.Plan([late], Morning.AddHours(5), EightOClock, new HashSet<string> { "HQ-FTZ" });
        var tomorrow = Digests.Plan([late], Morning.AddDays(1), EightOClock, new HashSet<string>());

        Assert.Empty(today);
        Assert.Equal(new DateOnly(2026, 12, 2), Assert.Single(tomorrow).Day);
    }

    [Fact]
    public void Puts_what_is_late_first()
    {
        var due = Notice("HQ-FTZ", NoticeKind.ReplyDue, days: 5);
        var overdue = Notice("HQ-FTZ", NoticeKind.ReplyOverdue);
        var contact = Notice("HQ-FTZ", NoticeKind.ContactMissing, days: 14);

        var digest = Assert.Single(Digests.Plan([due, contact, overdue], Morning, EightOClock, new HashSet<string>()));

        Assert.Equal([overdue.Id, contact.Id, due.Id], digest.Notices.Select(n => n.Id));
    }

    [Fact]
    public void Names_the_unit_the_day_and_the_count_in_the_subject_and_each_item_in_the_body()
    {
        var digest = Assert.Single(Digests.Plan(
            [Notice("HQ-FTZ"), Notice("HQ-FTZ", NoticeKind.OpinionDue, days: 5), Notice("HQ-FTZ", NoticeKind.ContactMissing, days: 14)],
            Morning, EightOClock, new HashSet<string>()));

        var mail = Digests.Compose(digest, "自贸区和特殊区域发展司", new Uri("http://localhost:5100/"));

        Assert.Equal("【提醒】自贸区和特殊区域发展司 2026年12月1日 待办提醒 (3件)", mail.Subject);
        Assert.Contains("1. 2026年建议第1234号《关于加快综合保税区建设的建议》：答复已于2026年11月28日到期，至今尚未答复，已超期。", mail.Body, StringComparison.Ordinal);
        Assert.Contains("交办已14天，尚未安排与代表委员的沟通", mail.Body, StringComparison.Ordinal);
        Assert.Contains("协办意见将于2026年11月28日到期（提前5天提醒）", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"查看：http://localhost:5100/items/{digest.Notices[0].ProposalId}", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Carries_no_submitters_name_or_place_though_the_assignment_it_learned_the_item_from_does()
    {
        var registered = new ProposalRegistered(
            Guid.NewGuid(), ProposalKind.Proposal, 2026, 88, "关于口岸通关便利化的提案", "口岸", "张三丰", "广东省", "梅州市", Morning,
            CoSignerNames: ["李四光", "王五岳"]);
        var name = ItemName.Of(RegisteredItem.Of(registered));
        var digest = Assert.Single(Digests.Plan([Notice("HQ-PORTS", item: name)], Morning, EightOClock, new HashSet<string>()));

        var mail = Digests.Compose(digest, "口岸监管司", null);

        Assert.Contains("2026年提案第88号《关于口岸通关便利化的提案》", mail.Body, StringComparison.Ordinal);
        foreach (var personal in new[] { "张三丰", "李四光", "王五岳", "广东", "梅州" })
        {
            Assert.DoesNotContain(personal, mail.Subject + mail.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Names_an_item_by_its_id_while_its_number_is_not_known()
    {
        var notice = Notice("HQ-FTZ") with { Item = null };

        Assert.StartsWith($"事项 {notice.ProposalId}：答复已于", NoticeText.Of(notice), StringComparison.Ordinal);
    }

    [Fact]
    public void Has_a_Chinese_sentence_for_every_kind_of_notice()
    {
        foreach (var kind in Enum.GetValues<NoticeKind>())
        {
            var text = NoticeText.What(Notice("HQ-FTZ", kind, days: 5));

            Assert.DoesNotMatch("[A-Za-z]", text);
            Assert.EndsWith("。", text, StringComparison.Ordinal);
        }
    }
}
