using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Application;
using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.UnitTests.Assignment;

/// <summary>What the office may put in the holiday calendar: each refusal names its field.</summary>
public class Checking_a_years_holiday_calendar
{
    private static CalendarDayRequest Day(string date, string kind, string name = "春节") =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), kind, name);

    [Fact]
    public void A_years_notice_is_taken_whole()
    {
        var errors = new Dictionary<string, string[]>();

        var days = CalendarRequests.Validate(2027, new CalendarYearRequest("国务院办公厅关于2027年部分节假日安排的通知",
            [Day("2027-02-06", "Holiday"), Day("2027-02-07", "holiday"), Day("2027-02-13", "MakeUpWorkday")]), errors);

        Assert.Empty(errors);
        Assert.Equal([CalendarDayKind.Holiday, CalendarDayKind.Holiday, CalendarDayKind.MakeUpWorkday], days!.Select(d => d.Kind));
    }

    [Fact]
    public void Each_bad_day_is_named_by_its_place_in_the_list()
    {
        var errors = new Dictionary<string, string[]>();

        var days = CalendarRequests.Validate(2026, new CalendarYearRequest(" ",
        [
            Day("2026-02-16", "MakeUpWorkday"),       // a Monday
            Day("2027-01-01", "Holiday", "元旦"),      // another year
            Day("2026-02-17", "Holiday"),
            Day("2026-02-17", "Holiday"),              // twice
            new CalendarDayRequest(null, "Vacation", " "),
            null,
        ]), errors);

        Assert.Null(days);
        Assert.Equal(["days[0].date", "days[1].date", "days[3].date", "days[4].date", "days[4].kind", "days[4].name", "days[5]", "source"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("2026-02-16 is a Monday: a make-up working day is a Saturday or a Sunday.", errors["days[0].date"][0]);
        Assert.Equal("2027-01-01 is not in 2026.", errors["days[1].date"][0]);
        Assert.Equal("2026-02-17 is listed twice.", errors["days[3].date"][0]);
        Assert.Equal("'Vacation' is not a valid kind: use one of Holiday, MakeUpWorkday.", errors["days[4].kind"][0]);
    }

    [Theory]
    [InlineData(1948)]
    [InlineData(2201)]
    public void A_year_outside_the_calendars_range_is_refused(int year)
    {
        var errors = new Dictionary<string, string[]>();

        CalendarRequests.Validate(year, new CalendarYearRequest("通知", []), errors);

        Assert.Equal(["days", "year"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("tomorrow")]
    [InlineData("")]
    [InlineData("1900-01-01")]
    public void A_single_day_that_is_no_date_is_refused_by_its_path(string date)
    {
        var errors = new Dictionary<string, string[]>();

        var day = CalendarRequests.Validate(date, new CalendarDayChange("Holiday", "元旦"), errors);

        Assert.Null(day);
        Assert.Equal(["date"], errors.Keys);
    }

    [Fact]
    public void A_single_make_up_day_on_a_weekday_is_refused()
    {
        var errors = new Dictionary<string, string[]>();

        var day = CalendarRequests.Validate("2026-10-09", new CalendarDayChange("MakeUpWorkday", "国庆节"), errors);

        Assert.Null(day);
        Assert.Equal("2026-10-09 is a Friday: a make-up working day is a Saturday or a Sunday.", Assert.Single(errors["date"]));
    }
}
