using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.UnitTests.Assignment;

public class Computing_the_reply_deadline
{
    private static readonly TimeSpan _beijing = TimeSpan.FromHours(8);

    [Theory]
    [InlineData(2026, 3, 15, 2026, 6, 15)]
    [InlineData(2026, 10, 1, 2027, 1, 1)]
    [InlineData(2026, 12, 31, 2027, 3, 31)]
    [InlineData(2026, 5, 31, 2026, 8, 31)]
    public void Is_the_same_day_three_calendar_months_later(int year, int month, int day, int dueYear, int dueMonth, int dueDay)
    {
        var assignedAt = new DateTimeOffset(year, month, day, 9, 30, 0, _beijing);

        var due = Deadlines.ReplyDue(assignedAt);

        Assert.Equal(new DateTimeOffset(dueYear, dueMonth, dueDay, 9, 30, 0, _beijing), due);
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

        var due = Deadlines.ReplyDue(assignedAt);

        Assert.Equal(new DateTimeOffset(dueYear, dueMonth, dueDay, 17, 0, 0, _beijing), due);
    }

    [Fact]
    public void Keeps_the_time_of_day_and_the_offset_of_the_assignment()
    {
        var assignedAt = new DateTimeOffset(2026, 3, 20, 23, 45, 10, _beijing);

        var due = Deadlines.ReplyDue(assignedAt);

        Assert.Equal(_beijing, due.Offset);
        Assert.Equal(new TimeSpan(23, 45, 10), due.TimeOfDay);
        Assert.Equal(new DateTime(2026, 6, 20), due.Date);
    }

    [Fact]
    public void Counts_months_on_the_calendar_of_the_assignment_offset()
    {
        // 31 May 00:30 in Beijing is still 30 May in UTC: the due date follows the local calendar.
        var assignedAt = new DateTimeOffset(2026, 5, 31, 0, 30, 0, _beijing);

        var due = Deadlines.ReplyDue(assignedAt);

        Assert.Equal(new DateTimeOffset(2026, 8, 31, 0, 30, 0, _beijing), due);
        Assert.Equal(new DateTimeOffset(2026, 8, 30, 16, 30, 0, TimeSpan.Zero), due.ToUniversalTime());
    }
}
