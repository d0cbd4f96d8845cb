using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.UnitTests.Assignment;

public class Computing_the_opinion_and_re_handling_deadlines
{
    private static readonly TimeSpan _beijing = TimeSpan.FromHours(8);

    [Theory]
    [InlineData(2026, 3, 20, 2026, 4, 20)]
    [InlineData(2026, 1, 31, 2026, 2, 28)]
    [InlineData(2028, 1, 31, 2028, 2, 29)]
    [InlineData(2026, 12, 15, 2027, 1, 15)]
    public void A_co_handling_opinion_is_due_one_calendar_month_after_assignment(int year, int month, int day, int dueYear, int dueMonth, int dueDay)
    {
        var assignedAt = new DateTimeOffset(year, month, day, 9, 0, 0, _beijing);

        var due = Deadlines.CoHandlingOpinionDue(assignedAt);

        Assert.Equal(new DateTimeOffset(dueYear, dueMonth, dueDay, 23, 59, 59, _beijing), due);
    }

    [Fact]
    public void A_re_handled_reply_is_due_one_calendar_month_after_re_handling_starts()
    {
        var started = new DateTimeOffset(2026, 10, 31, 14, 0, 0, _beijing);

        var due = Deadlines.ReHandlingDue(started);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 59, 59, _beijing), due);
    }

    [Theory]
    [InlineData(HandlingMode.Lead, 3)]
    [InlineData(HandlingMode.Sole, 3)]
    [InlineData(HandlingMode.Separate, 3)]
    [InlineData(HandlingMode.CoHandling, 1)]
    public void An_item_this_body_only_co_handles_owes_its_opinion_in_a_month(HandlingMode mode, int months)
    {
        var assignedAt = new DateTimeOffset(2026, 3, 20, 9, 0, 0, _beijing);

        var due = Deadlines.DueFor(mode, assignedAt);

        Assert.Equal(new DateTimeOffset(2026, 3 + months, 20, 23, 59, 59, _beijing), due);
    }
}
