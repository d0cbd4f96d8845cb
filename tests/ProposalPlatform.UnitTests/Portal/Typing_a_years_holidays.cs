using ProposalPlatform.Portal.Clients;

namespace ProposalPlatform.UnitTests.Portal;

/// <summary>The office types a year of the holiday calendar a line per period; the portal writes the year the same way.</summary>
public sealed class Typing_a_years_holidays
{
    [Fact]
    public void A_period_is_every_day_from_its_first_to_its_last_and_a_make_up_day_is_one()
    {
        var (days, bad) = CalendarLines.Parse("2026-02-15~2026-02-23 放假 春节\n\n2026-02-14 上班 春节\r\n2026-01-01 至 2026-01-03 放假 元旦");

        Assert.Empty(bad);
        Assert.Equal(13, days.Count);
        Assert.Equal(12, days.Count(d => d.Kind == CalendarDayEntry.Holiday));
        Assert.Equal(new CalendarDayEntry(new DateOnly(2026, 2, 14), CalendarDayEntry.MakeUpWorkday, "春节"), Assert.Single(days, d => d.Kind == CalendarDayEntry.MakeUpWorkday));
        Assert.Contains(new CalendarDayEntry(new DateOnly(2026, 2, 23), CalendarDayEntry.Holiday, "春节"), days);
    }

    [Theory]
    [InlineData("2026-02-15 春节")]
    [InlineData("2026-02-30 放假 春节")]
    [InlineData("2026-02-23~2026-02-15 放假 春节")]
    [InlineData("2026-01-01~2026-03-01 放假 长假")]
    [InlineData("2026-02-14~2026-02-15 上班 春节")]
    [InlineData("2026-02-14 加班 春节")]
    public void A_line_that_gives_no_day_is_named_by_its_number(string line)
    {
        var (days, bad) = CalendarLines.Parse($"2026-10-01~2026-10-07 放假 国庆节\n{line}");

        Assert.Equal([2], bad);
        Assert.Equal(7, days.Count);
    }

    [Fact]
    public void A_year_written_out_reads_back_as_the_same_days()
    {
        var (days, _) = CalendarLines.Parse("2026-09-25~2026-09-27 放假 中秋节\n2026-10-01~2026-10-07 放假 国庆节\n2026-09-20 上班 国庆节\n2026-10-10 上班 国庆节");

        var text = CalendarLines.Format(days);

        Assert.Equal("2026-09-20 上班 国庆节\n2026-09-25~2026-09-27 放假 中秋节\n2026-10-01~2026-10-07 放假 国庆节\n2026-10-10 上班 国庆节\n", text);
        Assert.Equal(days.OrderBy(d => d.Date), CalendarLines.Parse(text).Days);
    }
}
