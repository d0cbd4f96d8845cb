using System.Globalization;
using System.Text.RegularExpressions;
using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.UnitTests.Assignment;

/// <summary>
/// The holiday calendar the assignment database is seeded with, read from the migration that seeds it
/// (embedded in the service): its years, each holiday period from its first to its last day, and each
/// make-up working day. The tests of the seed check the very rows the database gets.
/// </summary>
public static partial class SeededCalendar
{
    private const string Script = "ProposalPlatform.Assignment.Data.Migrations.0010_working_calendar.sql";

    public static IReadOnlyList<int> Years { get; }

    public static IReadOnlyList<CalendarDay> Days { get; }

    public static WorkingCalendar Calendar { get; }

    static SeededCalendar()
    {
        using var stream = typeof(Returns).Assembly.GetManifestResourceStream(Script) ?? throw new InvalidOperationException($"{Script} is not embedded.");
        var sql = new StreamReader(stream).ReadToEnd();
        Years = [.. YearRow().Matches(sql).Select(m => int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture))];
        var holidays = HolidayRow().Matches(sql).SelectMany(m =>
        {
            var (first, last) = (Date(m.Groups["first"].Value), Date(m.Groups["last"].Value));
            return Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(i => new CalendarDay(first.AddDays(i), CalendarDayKind.Holiday, m.Groups["name"].Value));
        });
        var workdays = WorkdayRow().Matches(sql).Select(m => new CalendarDay(Date(m.Groups["day"].Value), CalendarDayKind.MakeUpWorkday, m.Groups["name"].Value));
        Days = [.. holidays.Concat(workdays).OrderBy(d => d.Date)];
        Calendar = new WorkingCalendar(Years, Days);
    }

    /// <summary>The seed without <paramref name="year"/>, as a calendar the office has not yet given that year.</summary>
    public static WorkingCalendar Without(int year) => new(Years.Where(y => y != year), Days.Where(d => d.Date.Year != year));

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*\((?<year>\d{4}), '", RegexOptions.Multiline)]
    private static partial Regex YearRow();

    [GeneratedRegex(@"\('(?<first>\d{4}-\d{2}-\d{2})', '(?<last>\d{4}-\d{2}-\d{2})', '(?<name>[^']+)'\)")]
    private static partial Regex HolidayRow();

    [GeneratedRegex(@"\('(?<day>\d{4}-\d{2}-\d{2})', '(?<name>[^']+)'\)")]
    private static partial Regex WorkdayRow();
}
