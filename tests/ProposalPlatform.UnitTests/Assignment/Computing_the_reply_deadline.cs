using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.UnitTests.Assignment;

public class Computing_the_reply_deadline
{
    private static readonly TimeSpan _beijing = TimeSpan.FromHours(8);

    /// <summary>A deadline on a Beijing day: its last second.</summary>
    private static DateTimeOffset EndOf(int year, int month, int day) => new(year, month, day, 23, 59, 59, _beijing);

    [Theory]
    [InlineData(2026, 3, 15, 2026, 6, 15)]
    [InlineData(2026, 10, 1, 2027, 1, 1)]
    [InlineData(2026, 12, 31, 2027, 3, 31)]
    [InlineData(2026, 5, 31, 2026, 8, 31)]
    public void Is_the_end_of_the_same_Beijing_day_three_calendar_months_later(int year, int month, int day, int dueYear, int dueMonth, int dueDay)
    {
        var assignedAt = new DateTimeOffset(year, month, day, 9, 30, 0, _beijing);

        Assert.Equal(EndOf(dueYear, dueMonth, dueDay), Deadlines.ReplyDue(assignedAt));
    }

    [Theory]
    [InlineData(2026, 11, 30, 2027, 2, 28)]
    [InlineData(2026, 11, 29, 2027, 2, 28)]
    [InlineData(2027, 11, 30, 2028, 2, 29)]
    [InlineData(2027, 11, 29, 2028, 2, 29)]
    [InlineData(2026, 3, 31, 2026, 6, 30)]
    [InlineData(2026, 8, 31, 2026, 11, 30)]
    public void Falls_on_the_last_day_of_a_shorter_month(int year, int month, int day, int dueYear, int dueMonth, int dueDay)
    {
        var assignedAt = new DateTimeOffset(year, month, day, 17, 0, 0, _beijing);

        Assert.Equal(EndOf(dueYear, dueMonth, dueDay), Deadlines.ReplyDue(assignedAt));
    }

    [Fact]
    public void Counts_on_Beijing_days_whatever_offset_the_assignment_is_written_in()
    {
        // midnight in Beijing on 1 May is 16:00 on 30 April in UTC: the item was assigned on 1 May
        var inUtc = new DateTimeOffset(2026, 4, 30, 16, 0, 0, TimeSpan.Zero);
        var inBeijing = inUtc.ToOffset(_beijing);

        Assert.Equal(EndOf(2026, 8, 1), Deadlines.ReplyDue(inUtc));
        Assert.Equal(Deadlines.ReplyDue(inBeijing), Deadlines.ReplyDue(inUtc));
    }

    [Fact]
    public void The_last_second_of_a_Beijing_day_belongs_to_it_and_the_next_to_the_next_day()
    {
        Assert.Equal(new DateOnly(2026, 5, 1), BeijingCalendar.DayOf(new DateTimeOffset(2026, 5, 1, 23, 59, 59, _beijing)));
        Assert.Equal(new DateOnly(2026, 5, 2), BeijingCalendar.DayOf(new DateTimeOffset(2026, 5, 1, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(EndOf(2026, 5, 1), BeijingCalendar.EndOf(new DateOnly(2026, 5, 1)));
    }

    [Fact]
    public void Six_months_from_1_May_is_the_end_of_1_November()
    {
        // the case the office met: assigned at midnight Beijing time, the ceiling falls on 1 November, not 31 October
        var assignedAt = new DateTimeOffset(2026, 4, 30, 16, 0, 0, TimeSpan.Zero);

        Assert.Equal(EndOf(2026, 11, 1), Deadlines.LatestExtendedDue(assignedAt));
    }
}
