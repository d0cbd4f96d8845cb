using Microsoft.Extensions.Time.Testing;
using ProposalPlatform.ContactScheduling.Domain;

namespace ProposalPlatform.UnitTests.ContactScheduling;

public class Reminding_of_a_missing_contact
{
    private static readonly DateTimeOffset AssignedAt = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private const int Days = ContactReminders.DefaultDaysWithoutContact;

    private static WatchedTask Task(int round = 1) => new(Guid.NewGuid(), "HQ-TARIFF", round, AssignedAt, false, false, false);

    [Fact]
    public void Is_not_due_before_the_days_have_passed()
    {
        var clock = new FakeTimeProvider(AssignedAt);
        clock.Advance(TimeSpan.FromDays(Days) - TimeSpan.FromMinutes(1));

        var due = ContactReminders.IsDue(Task(), clock.GetUtcNow(), Days);

        Assert.False(due);
    }

    [Fact]
    public void Is_due_once_the_days_have_passed_without_a_contact()
    {
        var clock = new FakeTimeProvider(AssignedAt);
        clock.Advance(TimeSpan.FromDays(Days));

        var due = ContactReminders.IsDue(Task(), clock.GetUtcNow(), Days);

        Assert.True(due);
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
