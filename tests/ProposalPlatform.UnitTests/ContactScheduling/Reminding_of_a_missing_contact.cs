using Microsoft.Extensions.Time.Testing;
using ProposalPlatform.ContactScheduling.Domain;

namespace ProposalPlatform.UnitTests.ContactScheduling;

public class Reminding_of_a_missing_contact
{
    private static readonly DateTimeOffset AssignedAt = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private const int Days = ContactReminders.DefaultDaysWithoutContact;

    private static WatchedTask Task(int round = 1) => new(Guid.NewGuid(), "HQ-TARIFF", round, AssignedAt, false, false, false);

    [Fact]
    public void Is_not_due_before_the_Beijing_day_the_days_end_on()
    {
        // assigned on 1 April in Beijing (17:00): due from the first instant of 15 April in Beijing
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 14, 23, 59, 59, TimeSpan.FromHours(8)));

        var due = ContactReminders.IsDue(Task(), clock.GetUtcNow(), Days);

        Assert.False(due);
    }

    [Fact]
    public void Is_due_from_the_start_of_that_Beijing_day_without_a_contact()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 15, 0, 0, 0, TimeSpan.FromHours(8)));

        var due = ContactReminders.IsDue(Task(), clock.GetUtcNow(), Days);

        Assert.True(due);
    }

    [Theory]
    [InlineData("2026-04-01T23:30:00+08:00", "2026-04-15T00:00:00+08:00")]
    [InlineData("2026-04-02T00:10:00+08:00", "2026-04-16T00:00:00+08:00")]
    public void Days_are_counted_on_Beijing_days_across_midnight(string openedAt, string dueFrom)
    {
        var task = Task() with { RoundOpenedAt = DateTimeOffset.Parse(openedAt, System.Globalization.CultureInfo.InvariantCulture) };
        var due = DateTimeOffset.Parse(dueFrom, System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(ContactReminders.IsDue(task, due.AddSeconds(-1), Days));
        Assert.True(ContactReminders.IsDue(task, due, Days));
    }

    [Fact]
    public void Is_not_due_when_a_contact_is_scheduled_in_the_round()
    {
        var due = ContactReminders.IsDue(Task() with { HasContactInRound = true }, AssignedAt.AddDays(30), Days);

        Assert.False(due);
    }

    [Fact]
    public void Is_not_due_for_a_completed_or_returned_item()
    {
        Assert.False(ContactReminders.IsDue(Task() with { Completed = true }, AssignedAt.AddDays(30), Days));
        Assert.False(ContactReminders.IsDue(Task() with { Closed = true }, AssignedAt.AddDays(30), Days));
    }

    [Fact]
    public void Follows_the_configured_number_of_days()
    {
        Assert.True(ContactReminders.IsDue(Task(), AssignedAt.AddDays(3), days: 3));
        Assert.False(ContactReminders.IsDue(Task(), AssignedAt.AddDays(3), days: 4));
    }

    [Fact]
    public void Is_sent_once_per_item_and_round()
    {
        var first = Task();
        var now = AssignedAt.AddDays(Days + 1);

        var sent = ContactReminders.ToRemind([first], now, Days, new HashSet<(Guid, int)> { (first.ProposalId, 1) });
        var nextRound = ContactReminders.ToRemind(
            [first with { Round = 2, RoundOpenedAt = AssignedAt.AddDays(1) }], now, Days, new HashSet<(Guid, int)> { (first.ProposalId, 1) });

        Assert.Empty(sent);
        Assert.Equal(2, Assert.Single(nextRound).Round);
    }
}
