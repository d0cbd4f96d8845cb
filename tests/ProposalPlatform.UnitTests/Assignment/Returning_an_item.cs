using Microsoft.Extensions.Time.Testing;
using ProposalPlatform.Assignment;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.UnitTests.Assignment;

public class Returning_an_item
{
    private static readonly DateTimeOffset _assignedAt = new(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DayCountRule TenDays = new() { Days = 10, Counting = DayCounting.CalendarDays };

    private static ReturnDecision Decide(DateTimeOffset now, DayCountRule rule) => Returns.Decide(_assignedAt, now, rule, SeededCalendar.Calendar);

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(9)]
    public void Is_allowed_inside_the_window(int daysLater)
    {
        var clock = new FakeTimeProvider(_assignedAt);
        clock.Advance(TimeSpan.FromDays(daysLater));

        var decision = Decide(clock.GetUtcNow(), TenDays);

        Assert.True(decision.Allowed);
    }

    [Fact]
    public void Is_allowed_up_to_the_moment_the_window_closes()
    {
        var clock = new FakeTimeProvider(_assignedAt);
        clock.Advance(TimeSpan.FromDays(10));

        var decision = Decide(clock.GetUtcNow(), TenDays);

        Assert.True(decision.Allowed);
    }

    [Fact]
    public void Is_refused_after_the_window_with_the_date_it_closed()
    {
        // the window closes at the end of the Beijing day ten days on: 30 March, 23:59:59
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.FromHours(8)));

        var decision = Decide(clock.GetUtcNow(), TenDays);

        Assert.False(decision.Allowed);
        Assert.Equal("2026-03-30", decision.ClosedOn);
        Assert.Contains("2026-03-30", decision.RefusalDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void Follows_a_configured_window_in_working_days()
    {
        // Friday 20 March: 7 working days later is Tuesday 31 March (no holiday between)
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.FromHours(8)));

        var decision = Decide(clock.GetUtcNow(), new DayCountRule { Days = 7, Counting = DayCounting.WorkingDays });

        Assert.True(decision.Allowed);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 23, 59, 59, TimeSpan.FromHours(8)), decision.WindowClosesAt);
    }

    [Fact]
    public void Takes_its_kinds_rule_and_the_old_ten_days_for_an_item_of_no_recorded_kind()
    {
        var windows = new ReturnWindowOptions
        {
            Suggestion = new DayCountRule { Days = 7, Counting = DayCounting.WorkingDays },
            Proposal = new DayCountRule { Days = 10, Counting = DayCounting.CalendarDays },
        };

        Assert.Equal("7 working days", windows.For(ProposalKind.Suggestion).ToString());
        Assert.Equal("10 calendar days", windows.For(ProposalKind.Proposal).ToString());
        Assert.Equal("10 calendar days", windows.For(null).ToString());
    }

    [Theory]
    [InlineData(0, DayCounting.WorkingDays)]
    [InlineData(61, DayCounting.CalendarDays)]
    [InlineData(7, (DayCounting)9)]
    public void A_rule_outside_what_a_window_can_be_is_not_valid(int days, DayCounting counting)
    {
        Assert.False(new ReturnWindowOptions { Proposal = new DayCountRule { Days = days, Counting = counting } }.IsValid);
        Assert.True(new ReturnWindowOptions().IsValid);
    }
}
