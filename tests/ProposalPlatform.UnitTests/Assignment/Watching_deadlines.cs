using Microsoft.Extensions.Time.Testing;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Assignment;

namespace ProposalPlatform.UnitTests.Assignment;

/// <summary>
/// The scheduler's decisions, scan after scan, with time moved by a fake clock. The set of sent keys
/// stands for the deadline_notifications table: it outlives a restart of the scheduler.
/// </summary>
public class Watching_deadlines
{
    private static readonly IReadOnlyList<int> _warningDays = DeadlineAlerts.DefaultWarningDays;
    private static readonly DateTimeOffset _start = new(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(8));

    private static WatchedDeadline Reply(DateTimeOffset dueAt, Guid? id = null)
    {
        var proposalId = id ?? Guid.NewGuid();
        return new WatchedDeadline($"reply:{proposalId}", proposalId, DeadlineKind.Reply, "HQ-FTZ", dueAt);
    }

    /// <summary>Scans every <paramref name="step"/> until <paramref name="until"/>, recording what each scan sends.</summary>
    private static List<DeadlineAlert> ScanRepeatedly(
        FakeTimeProvider clock, IReadOnlyList<WatchedDeadline> deadlines, HashSet<AlertKey> sent, TimeSpan step, DateTimeOffset until)
    {
        var alerts = new List<DeadlineAlert>();
        while (clock.GetUtcNow() <= until)
        {
            var now = DeadlineAlerts.ToSend(deadlines, clock.GetUtcNow(), _warningDays, sent);
            foreach (var alert in now)
            {
                sent.Add(alert.Key);
            }

            alerts.AddRange(now);
            clock.Advance(step);
        }

        return alerts;
    }

    [Fact]
    public void Sends_nothing_before_the_lead_time()
    {
        var clock = new FakeTimeProvider(_start);
        var deadline = Reply(_start.AddMonths(3));

        var alerts = DeadlineAlerts.ToSend([deadline], clock.GetUtcNow(), _warningDays, new HashSet<AlertKey>());

        Assert.Empty(alerts);
    }

    [Fact]
    public void Warns_once_at_each_lead_time_then_flags_once_across_many_scans()
    {
        var clock = new FakeTimeProvider(_start);
        var deadline = Reply(Deadlines.ReplyDue(_start));

        var alerts = ScanRepeatedly(clock, [deadline], [], TimeSpan.FromHours(6), _start.AddMonths(4));

        Assert.Equal([AlertKind.Approaching, AlertKind.Approaching, AlertKind.Missed], alerts.Select(a => a.Kind));
        Assert.Equal([15, 5, 0], alerts.Select(a => a.DaysBefore));
    }

    [Fact]
    public void Sends_nothing_again_after_a_restart()
    {
        var clock = new FakeTimeProvider(_start);
        var deadline = Reply(_start.AddDays(20));
        var sent = new HashSet<AlertKey>();
        var before = ScanRepeatedly(clock, [deadline], sent, TimeSpan.FromHours(1), _start.AddDays(21));

        // a new scheduler instance: same table of sent keys, clock carries on
        var after = ScanRepeatedly(clock, [deadline], sent, TimeSpan.FromMinutes(1), clock.GetUtcNow().AddHours(2));

        Assert.Equal([AlertKind.Approaching, AlertKind.Approaching, AlertKind.Missed], before.Select(a => a.Kind));
        Assert.Empty(after);
    }

    [Fact]
    public void Flags_a_deadline_first_seen_after_it_passed_without_a_stale_warning()
    {
        var clock = new FakeTimeProvider(_start);
        var deadline = Reply(_start.AddDays(-1));

        var alerts = ScanRepeatedly(clock, [deadline], [], TimeSpan.FromHours(1), _start.AddDays(1));

        Assert.Equal([AlertKind.Missed], alerts.Select(a => a.Kind));
    }

    [Fact]
    public void An_extension_is_a_new_due_date_and_gets_its_own_alerts()
    {
        var clock = new FakeTimeProvider(_start);
        var id = Guid.NewGuid();
        var sent = new HashSet<AlertKey>();
        var firstDue = _start.AddDays(10);
        var first = ScanRepeatedly(clock, [Reply(firstDue, id)], sent, TimeSpan.FromHours(1), _start.AddDays(4));

        var extended = Reply(firstDue.AddMonths(1), id);
        var second = ScanRepeatedly(clock, [extended], sent, TimeSpan.FromHours(1), firstDue.AddMonths(1).AddDays(1));

        Assert.Equal([AlertKind.Approaching], first.Select(a => a.Kind));
        Assert.Equal([AlertKind.Approaching, AlertKind.Approaching, AlertKind.Missed], second.Select(a => a.Kind));
        Assert.All(second, alert => Assert.Equal(extended.DueAt, alert.Key.DueAt));
    }

    [Fact]
    public void Each_co_handling_opinion_is_its_own_deadline()
    {
        var clock = new FakeTimeProvider(_start);
        var id = Guid.NewGuid();
        var due = Deadlines.CoHandlingOpinionDue(_start);
        WatchedDeadline[] deadlines =
        [
            new($"opinion:{id}:HQ-TARIFF", id, DeadlineKind.CoHandlingOpinion, "HQ-TARIFF", due),
            new($"opinion:{id}:HQ-PORTS", id, DeadlineKind.CoHandlingOpinion, "HQ-PORTS", due),
            Reply(Deadlines.ReplyDue(_start), id),
        ];

        var alerts = ScanRepeatedly(clock, deadlines, [], TimeSpan.FromHours(12), due.AddDays(1));

        Assert.Equal(6, alerts.Count);
        Assert.Equal(3, alerts.Count(a => a.Deadline.UnitCode == "HQ-TARIFF"));
        Assert.Equal(3, alerts.Count(a => a.Deadline.UnitCode == "HQ-PORTS"));
        Assert.DoesNotContain(alerts, a => a.Deadline.Kind == DeadlineKind.Reply);
    }

    [Fact]
    public void Honours_configured_lead_times()
    {
        var now = _start;
        var dueAt = BeijingCalendar.DaysAfter(now, 20);

        Assert.Null(DeadlineAlerts.KindAt(dueAt, now, [15, 5]));
        Assert.Equal((AlertKind.Approaching, 30), DeadlineAlerts.KindAt(dueAt, now, [30, 10]));
    }

    [Fact]
    public void Counts_the_lead_time_in_Beijing_days()
    {
        // due 2026-04-04 (Beijing); 15 days before is 2026-03-20, which begins at 16:00Z on the 19th
        var dueAt = BeijingCalendar.EndOf(new DateOnly(2026, 4, 4));
        var lastMinuteBefore = new DateTimeOffset(2026, 3, 19, 15, 59, 0, TimeSpan.Zero);
        var firstMinuteOf = new DateTimeOffset(2026, 3, 19, 16, 0, 0, TimeSpan.Zero);

        Assert.Null(DeadlineAlerts.KindAt(dueAt, lastMinuteBefore, _warningDays));
        Assert.Equal((AlertKind.Approaching, 15), DeadlineAlerts.KindAt(dueAt, firstMinuteOf, _warningDays));
        Assert.Equal((AlertKind.Approaching, 5), DeadlineAlerts.KindAt(dueAt, new DateTimeOffset(2026, 3, 30, 0, 0, 0, BeijingCalendar.Offset), _warningDays));
        Assert.Equal((AlertKind.Approaching, 5), DeadlineAlerts.KindAt(dueAt, new DateTimeOffset(2026, 4, 4, 23, 59, 0, BeijingCalendar.Offset), _warningDays));
        Assert.Equal((AlertKind.Missed, 0), DeadlineAlerts.KindAt(dueAt, new DateTimeOffset(2026, 4, 5, 0, 0, 0, BeijingCalendar.Offset), _warningDays));
    }

    [Fact]
    public void Warns_a_deadline_first_seen_three_days_ahead_of_five_days_only()
    {
        var clock = new FakeTimeProvider(_start);
        var deadline = Reply(BeijingCalendar.DaysAfter(_start, 3));

        var alerts = ScanRepeatedly(clock, [deadline], [], TimeSpan.FromHours(6), _start.AddDays(2));

        Assert.Equal([5], alerts.Select(a => a.DaysBefore));
    }

    [Fact]
    public void A_warning_of_a_shorter_lead_time_covers_a_longer_one_of_the_same_due_date()
    {
        var deadline = Reply(BeijingCalendar.DaysAfter(_start, 10));
        var sentAtFourteen = new HashSet<AlertKey> { new(deadline.DeadlineId, AlertKind.Approaching, deadline.DueAt, 14) };

        var alerts = DeadlineAlerts.ToSend([deadline], _start, _warningDays, sentAtFourteen);

        Assert.Empty(alerts);
    }
}
