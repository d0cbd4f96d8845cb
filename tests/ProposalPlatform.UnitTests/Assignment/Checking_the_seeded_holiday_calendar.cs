using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.UnitTests.Assignment;

/// <summary>The years seeded from the State Council's notices, checked day by day against what the notices say.</summary>
public class Checking_the_seeded_holiday_calendar
{
    [Fact]
    public void Holds_2024_to_2026()
    {
        Assert.Equal([2024, 2025, 2026], SeededCalendar.Years);
        Assert.All(SeededCalendar.Days, d => Assert.Contains(d.Date.Year, SeededCalendar.Years));
    }

    [Fact]
    public void Every_make_up_working_day_is_a_Saturday_or_a_Sunday()
    {
        var workdays = SeededCalendar.Days.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).ToList();

        Assert.Equal(19, workdays.Count);
        Assert.All(workdays, d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{d.Date:yyyy-MM-dd} ({d.Name}) is a {d.Date.DayOfWeek}"));
    }

    [Theory]
    [InlineData(2024, 28, 8)]
    [InlineData(2025, 28, 5)]
    [InlineData(2026, 33, 6)]
    public void Each_year_has_the_days_off_and_make_up_days_its_notice_gives(int year, int holidays, int workdays)
    {
        var days = SeededCalendar.Days.Where(d => d.Date.Year == year).ToList();

        Assert.Equal(holidays, days.Count(d => d.Kind == CalendarDayKind.Holiday));
        Assert.Equal(workdays, days.Count(d => d.Kind == CalendarDayKind.MakeUpWorkday));
        Assert.Equal(days.Count, days.Select(d => d.Date).Distinct().Count());
    }

    [Theory]
    // 春节 2026: 2/15–2/23 off, Saturdays 2/14 and 2/28 worked
    [InlineData("2026-02-13", true)]
    [InlineData("2026-02-14", true)]
    [InlineData("2026-02-16", false)]
    [InlineData("2026-02-23", false)]
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)]
    // 元旦 2026: 1/1–1/3 off, Sunday 1/4 worked
    [InlineData("2026-01-02", false)]
    [InlineData("2026-01-04", true)]
    // 国庆节、中秋节 2025: 10/1–10/8 off, Sundays 9/28 worked, Saturday 10/11 worked
    [InlineData("2025-09-28", true)]
    [InlineData("2025-10-08", false)]
    [InlineData("2025-10-11", true)]
    // 劳动节 2024: Sunday 4/28 and Saturday 5/11 worked
    [InlineData("2024-04-28", true)]
    [InlineData("2024-05-03", false)]
    [InlineData("2024-05-11", true)]
    // an ordinary weekend and weekday
    [InlineData("2026-03-07", false)]
    [InlineData("2026-03-09", true)]
    public void Tells_a_working_day_from_a_day_off(string day, bool working)
    {
        Assert.Equal(working, SeededCalendar.Calendar.IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Knows_nothing_of_a_year_not_seeded()
    {
        Assert.Null(SeededCalendar.Calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.False(SeededCalendar.Calendar.Knows(2027));
    }
}
