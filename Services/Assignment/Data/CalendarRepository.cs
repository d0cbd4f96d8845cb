using System.Globalization;
using Dapper;
using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Assignment.Data;

/// <summary>The holiday calendar: the years it holds, each with its days and the notice they come from.</summary>
public sealed class CalendarRepository(PlatformDatabase database)
{
    private const string SelectYears = "SELECT year FROM calendar_years WHERE year BETWEEN @first AND @last";

    private const string SelectDays =
        "SELECT day AS Date, kind AS Kind, name AS Name FROM calendar_days WHERE year BETWEEN @first AND @last ORDER BY day";

    /// <summary>The calendar of the years <paramref name="first"/> to <paramref name="last"/> (the only years the answer knows), inside <paramref name="work"/>.</summary>
    public static async Task<WorkingCalendar> CalendarAsync(UnitOfWork work, int first, int last, CancellationToken cancellationToken) =>
        new(await work.Connection.QueryAsync<int>(new CommandDefinition(SelectYears, new { first, last }, work.Transaction, cancellationToken: cancellationToken)),
            (await work.Connection.QueryAsync<DayRow>(new CommandDefinition(SelectDays, new { first, last }, work.Transaction, cancellationToken: cancellationToken)))
                .Select(row => row.ToDay()));

    public async Task<WorkingCalendar> CalendarAsync(int first, int last, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return new(await connection.QueryAsync<int>(new CommandDefinition(SelectYears, new { first, last }, cancellationToken: cancellationToken)),
            (await connection.QueryAsync<DayRow>(new CommandDefinition(SelectDays, new { first, last }, cancellationToken: cancellationToken))).Select(row => row.ToDay()));
    }

    public async Task<IReadOnlyList<CalendarYearSummary>> YearsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<CalendarYearSummary>(new CommandDefinition(
            """
            SELECT y.year AS Year, y.source AS Source,
                   (SELECT count(*)::integer FROM calendar_days d WHERE d.year = y.year AND d.kind = 'Holiday') AS Holidays,
                   (SELECT count(*)::integer FROM calendar_days d WHERE d.year = y.year AND d.kind = 'MakeUpWorkday') AS MakeUpWorkdays,
                   y.updated_by AS UpdatedBy, y.updated_at AS UpdatedAt
            FROM calendar_years y ORDER BY y.year
            """,
            cancellationToken: cancellationToken))).AsList();
    }

    public async Task<CalendarYearView?> FindYearAsync(int year, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await connection.QuerySingleOrDefaultAsync<YearRow>(new CommandDefinition(
            "SELECT year AS Year, source AS Source, updated_by AS UpdatedBy, updated_at AS UpdatedAt FROM calendar_years WHERE year = @year",
            new { year }, cancellationToken: cancellationToken));
        if (found is null)
        {
            return null;
        }

        var days = await connection.QueryAsync<DayRow>(new CommandDefinition(SelectDays, new { first = year, last = year }, cancellationToken: cancellationToken));
        return new CalendarYearView(found.Year, found.Source, found.UpdatedBy, found.UpdatedAt, [.. days.Select(row => CalendarDayView.From(row.ToDay()))]);
    }

    /// <summary>Puts the year's days in place of what it held (a new year is added); answers how many days it held before, null when it was new.</summary>
    public static async Task<int?> ReplaceYearAsync(
        UnitOfWork work, int year, string source, IReadOnlyList<CalendarDay> days, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var before = await work.Connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            """
            SELECT (SELECT count(*)::integer FROM calendar_days d WHERE d.year = y.year) FROM calendar_years y WHERE y.year = @year FOR UPDATE
            """,
            new { year }, work.Transaction, cancellationToken: cancellationToken));
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO calendar_years (year, source, updated_by, updated_at) VALUES (@year, @source, @by, @at)
            ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at;
            DELETE FROM calendar_days WHERE year = @year;
            INSERT INTO calendar_days (day, year, kind, name)
            SELECT d.day, @year, d.kind, d.name FROM unnest(@Days::date[], @Kinds, @Names) AS d(day, kind, name);
            """,
            new
            {
                year, source, by, at,
                Days = days.Select(d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray(),
                Kinds = days.Select(d => d.Kind.ToString()).ToArray(),
                Names = days.Select(d => d.Name).ToArray(),
            },
            work.Transaction, cancellationToken: cancellationToken));
        return before;
    }

    /// <summary>Adds the day, or changes what it is, in a year the calendar holds; answers what it was before (null: not there), or false when the year is not held.</summary>
    public static async Task<(bool YearHeld, CalendarDay? Before)> SetDayAsync(UnitOfWork work, CalendarDay day, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!await TouchYearAsync(work, day.Date.Year, by, at, cancellationToken))
        {
            return (false, null);
        }

        var before = await FindDayAsync(work, day.Date, cancellationToken);
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO calendar_days (day, year, kind, name) VALUES (@Day::date, @Year, @Kind, @Name)
            ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name
            """,
            new { Day = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.Date.Year, Kind = day.Kind.ToString(), day.Name },
            work.Transaction, cancellationToken: cancellationToken));
        return (true, before);
    }

    /// <summary>Removes the day from the calendar; answers what it was, null when the calendar did not name it.</summary>
    public static async Task<CalendarDay?> RemoveDayAsync(UnitOfWork work, DateOnly day, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!await TouchYearAsync(work, day.Year, by, at, cancellationToken) || await FindDayAsync(work, day, cancellationToken) is not { } before)
        {
            return null;
        }

        await work.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM calendar_days WHERE day = @Day::date",
            new { Day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, work.Transaction, cancellationToken: cancellationToken));
        return before;
    }

    /// <summary>Locks the year and records who changed it last; false when the calendar does not hold it.</summary>
    private static async Task<bool> TouchYearAsync(UnitOfWork work, int year, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE calendar_years SET updated_by = @by, updated_at = @at WHERE year = @year",
            new { year, by, at }, work.Transaction, cancellationToken: cancellationToken)) == 1;

    private static async Task<CalendarDay?> FindDayAsync(UnitOfWork work, DateOnly day, CancellationToken cancellationToken) =>
        (await work.Connection.QuerySingleOrDefaultAsync<DayRow>(new CommandDefinition(
            "SELECT day AS Date, kind AS Kind, name AS Name FROM calendar_days WHERE day = @Day::date",
            new { Day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, work.Transaction, cancellationToken: cancellationToken)))?.ToDay();

    private sealed class YearRow
    {
        public int Year { get; set; }
        public string Source { get; set; } = "";
        public string UpdatedBy { get; set; } = "";
        public DateTimeOffset UpdatedAt { get; set; }
    }

    private sealed class DayRow
    {
        public DateOnly Date { get; set; }
        public string Kind { get; set; } = "";
        public string Name { get; set; } = "";

        public CalendarDay ToDay() => new(Date, Enum.Parse<CalendarDayKind>(Kind), Name);
    }
}
