using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.UnitTests.Assignment;

/// <summary>Working days counted on the seeded calendar, at its edges: the Spring Festival, make-up days, the turn of a year, a year it does not hold.</summary>
public class Counting_working_days
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Seven_working_days_from_a_Friday_end_on_the_second_Tuesday_after_it()
    {
        var count = SeededCalendar.Calendar.After(Day(2026, 3, 6), 7, DayCounting.WorkingDays);

        Assert.Equal(Day(2026, 3, 17), count.Day);
        Assert.Empty(count.MissingYears);
    }

    [Fact]
    public void The_Spring_Festival_does_not_count_and_its_make_up_Saturdays_do()
    {
        // Thu 2/12 assigned: Fri 2/13 (1), Sat 2/14 worked (2), 2/15–2/23 off, Tue 2/24 to Fri 2/27 (3–6), Sat 2/28 worked (7)
        var count = SeededCalendar.Calendar.After(Day(2026, 2, 12), 7, DayCounting.WorkingDays);

        Assert.Equal(Day(2026, 2, 28), count.Day);
    }

    [Fact]
    public void A_make_up_Sunday_counts_as_a_working_day()
    {
        // Sat 2024-02-03 assigned: Sun 2/4 is worked, so one working day later is that Sunday
        var count = SeededCalendar.Calendar.After(Day(2024, 2, 3), 1, DayCounting.WorkingDays);

        Assert.Equal(Day(2024, 2, 4), count.Day);
    }

    [Fact]
    public void A_count_crosses_the_new_year_on_both_years_calendars()
    {
        // Mon 2025-12-29: 12/30, 12/31 (1–2), 2026-01-01 to 01-03 off, Sun 1/4 worked (3), Mon 1/5 to Thu 1/8 (4–7)
        var count = SeededCalendar.Calendar.After(Day(2025, 12, 29), 7, DayCounting.WorkingDays);

        Assert.Equal(Day(2026, 1, 8), count.Day);
        Assert.Empty(count.MissingYears);
    }

    [Fact]
    public void A_year_the_calendar_does_not_hold_is_counted_in_calendar_days_and_named()
    {
        // Mon 2026-12-28: 12/29 to 12/31 (1–3), then 2027, not held: 1/1, 1/2, 1/3, 1/4 each count (4–7)
        var count = SeededCalendar.Calendar.After(Day(2026, 12, 28), 7, DayCounting.WorkingDays);

        Assert.Equal(Day(2027, 1, 4), count.Day);
        Assert.Equal([2027], count.MissingYears);
        Assert.Equal("2027 has no holiday calendar; counted as calendar days.", WorkingCalendar.MissingYearWarning(2027));
    }

    [Fact]
    public void A_whole_window_in_a_missing_year_is_calendar_days()
    {
        var count = SeededCalendar.Without(2026).After(Day(2026, 2, 12), 7, DayCounting.WorkingDays);

        Assert.Equal(Day(2026, 2, 19), count.Day);
        Assert.Equal([2026], count.MissingYears);
    }

    [Fact]
    public void Calendar_days_need_no_calendar()
    {
        var count = WorkingCalendar.Empty.After(Day(2026, 2, 12), 10, DayCounting.CalendarDays);

        Assert.Equal(Day(2026, 2, 22), count.Day);
        Assert.Empty(count.MissingYears);
    }

    [Fact]
    public void A_return_window_in_working_days_starts_from_the_Beijing_day_of_assignment()
    {
        // 16:30 UTC on 11 February is 00:30 on Thursday 12 February in Beijing
        var assignedAt = new DateTimeOffset(2026, 2, 11, 16, 30, 0, TimeSpan.Zero);
        var rule = new DayCountRule { Days = 7, Counting = DayCounting.WorkingDays };

        var open = Returns.Decide(assignedAt, new DateTimeOffset(2026, 2, 28, 23, 59, 59, Beijing), rule, SeededCalendar.Calendar);
        var closed = Returns.Decide(assignedAt, new DateTimeOffset(2026, 3, 1, 0, 0, 0, Beijing), rule, SeededCalendar.Calendar);

        Assert.True(open.Allowed);
        Assert.False(closed.Allowed);
        Assert.Equal("2026-02-28", closed.ClosedOn);
        Assert.Empty(closed.Warnings);
    }

    [Fact]
    public void A_return_window_reaching_a_missing_year_carries_its_warning()
    {
        var assignedAt = new DateTimeOffset(2026, 12, 28, 10, 0, 0, Beijing);
        var rule = new DayCountRule { Days = 7, Counting = DayCounting.WorkingDays };

        var decision = Returns.Decide(assignedAt, assignedAt, rule, SeededCalendar.Calendar);

        Assert.Equal(new DateTimeOffset(2027, 1, 4, 23, 59, 59, Beijing), decision.WindowClosesAt);
        Assert.Equal(["2027 has no holiday calendar; counted as calendar days."], decision.Warnings);
    }
}
