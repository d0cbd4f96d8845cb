using Microsoft.Extensions.Time.Testing;
using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.UnitTests.Assignment;

public class Returning_an_item
{
    private static readonly DateTimeOffset _assignedAt = new(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(9)]
    public void Is_allowed_inside_the_window(int daysLater)
    {
        var clock = new FakeTimeProvider(_assignedAt);
        clock.Advance(TimeSpan.FromDays(daysLater));

        var decision = Returns.Decide(_assignedAt, clock.GetUtcNow(), Returns.DefaultWindowDays);

        Assert.True(decision.Allowed);
    }

    [Fact]
    public void Is_allowed_up_to_the_moment_the_window_closes()
    {
        var clock = new FakeTimeProvider(_assignedAt);
        clock.Advance(TimeSpan.FromDays(10));

        var decision = Returns.Decide(_assignedAt, clock.GetUtcNow(), 10);

        Assert.True(decision.Allowed);
    }

    [Fact]
    public void Is_refused_after_the_window_with_the_date_it_closed()
    {
        // the window closes at the end of the Beijing day ten days on: 30 March, 23:59:59
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.FromHours(8)));

        var decision = Returns.Decide(_assignedAt, clock.GetUtcNow(), 10);

        Assert.False(decision.Allowed);
        Assert.Equal("2026-03-30", decision.ClosedOn);
        Assert.Contains("2026-03-30", decision.RefusalDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void Follows_a_configured_window()
    {
        var clock = new FakeTimeProvider(_assignedAt);
        clock.Advance(TimeSpan.FromDays(8));

        var decision = Returns.Decide(_assignedAt, clock.GetUtcNow(), 7);

        Assert.False(decision.Allowed);
        Assert.Equal(new DateTimeOffset(2026, 3, 27, 23, 59, 59, TimeSpan.FromHours(8)), decision.WindowClosesAt);
    }
}
