using System.Globalization;
using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Contracts;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Assignment.Application;

/// <summary>The checks of the holiday calendar as the office writes it: a whole year's days, or one day; each error names its field.</summary>
public static class CalendarRequests
{
    public const int FirstYear = 1949;
    public const int LastYear = 2200;

    /// <summary>More days than a year has are not one year's notice.</summary>
    public const int MaxDays = 366;

    public static void ValidateYear(Dictionary<string, string[]> errors, int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            errors["year"] = [$"The year is between {FirstYear} and {LastYear}."];
        }
    }

    /// <summary>The year's days, or null with the errors.</summary>
    public static IReadOnlyList<CalendarDay>? Validate(int year, CalendarYearRequest request, Dictionary<string, string[]> errors)
    {
        ValidateYear(errors, year);
        Problems.Require(errors, "source", request.Source, "Name the source of the days: the State Council's notice.", TextLimits.Reason);
        if (request.Days is not { Count: > 0 } given)
        {
            errors["days"] = ["Give the year's days: its holidays and make-up working days."];
            return null;
        }

        if (given.Count > MaxDays)
        {
            errors["days"] = [$"At most {MaxDays} days."];
            return null;
        }

        var days = new List<CalendarDay>();
        var seen = new HashSet<DateOnly>();
        foreach (var (day, i) in given.Select((day, i) => (day, i)))
        {
            var prefix = $"days[{i}]";
            if (day is null)
            {
                errors[prefix] = ["A day cannot be empty."];
                continue;
            }

            var kind = ParseKind(errors, prefix + ".kind", day.Kind);
            Problems.Require(errors, prefix + ".name", day.Name, "A day needs the name of its holiday (e.g. 春节).", TextLimits.Name);
            if (day.Date is not { } date)
            {
                errors[prefix + ".date"] = ["The date is required (yyyy-MM-dd)."];
                continue;
            }

            if (date.Year != year)
            {
                errors[prefix + ".date"] = [$"{Day(date)} is not in {year}."];
            }
            else if (!seen.Add(date))
            {
                errors[prefix + ".date"] = [$"{Day(date)} is listed twice."];
            }
            else if (WeekdayError(date, kind) is { } weekday)
            {
                errors[prefix + ".date"] = [weekday];
            }

            if (kind is { } known && !string.IsNullOrWhiteSpace(day.Name))
            {
                days.Add(new CalendarDay(date, known, day.Name.Trim()));
            }
        }

        return errors.Count == 0 ? days : null;
    }

    /// <summary>One day, its date from the path; or null with the errors.</summary>
    public static CalendarDay? Validate(string? date, CalendarDayChange change, Dictionary<string, string[]> errors)
    {
        var day = ParseDate(errors, date);
        var kind = ParseKind(errors, "kind", change.Kind);
        Problems.Require(errors, "name", change.Name, "A day needs the name of its holiday (e.g. 春节).", TextLimits.Name);
        if (day is { } parsed && WeekdayError(parsed, kind) is { } weekday)
        {
            errors["date"] = [weekday];
        }

        return errors.Count == 0 ? new CalendarDay(day!.Value, kind!.Value, change.Name!.Trim()) : null;
    }

    /// <summary>A day named in a path (yyyy-MM-dd) of a year the calendar may hold; null with an error naming <c>date</c>.</summary>
    public static DateOnly? ParseDate(Dictionary<string, string[]> errors, string? date)
    {
        if (!DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors["date"] = [$"'{date}' is no date: write it as yyyy-MM-dd."];
            return null;
        }

        if (day.Year is < FirstYear or > LastYear)
        {
            errors["date"] = [$"The year is between {FirstYear} and {LastYear}."];
            return null;
        }

        return day;
    }

    private static CalendarDayKind? ParseKind(Dictionary<string, string[]> errors, string field, string? kind)
    {
        if (EnumNames.TryParse<CalendarDayKind>(kind, out var parsed))
        {
            return parsed;
        }

        var name = field[(field.LastIndexOf('.') + 1)..];
        errors[field] = [string.IsNullOrWhiteSpace(kind)
            ? $"{name} is required: one of {EnumNames.List<CalendarDayKind>()}."
            : $"'{kind}' is not a valid {name}: use one of {EnumNames.List<CalendarDayKind>()}."];
        return null;
    }

    /// <summary>A make-up working day is a weekend day worked: on a Monday to Friday it makes no sense.</summary>
    private static string? WeekdayError(DateOnly date, CalendarDayKind? kind) =>
        kind == CalendarDayKind.MakeUpWorkday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            ? $"{Day(date)} is a {date.DayOfWeek}: a make-up working day is a Saturday or a Sunday."
            : null;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
