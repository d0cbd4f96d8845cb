using System.Security.Claims;
using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Infrastructure.Application;

namespace ProposalPlatform.Assignment.Application;

/// <summary>A year's days as the office puts them.</summary>
public sealed record CalendarYearReplacement(int Year, CalendarYearRequest Days);

/// <summary>
/// The proposal office puts a year's official holidays and make-up working days, from the State
/// Council's notice it names, in place of what the calendar held for the year (or adds the year).
/// Answers the year as it now is.
/// </summary>
public sealed class ReplaceCalendarYearHandler(WritePath path) : WriteHandler<CalendarYearReplacement, int>(path)
{
    public override string InvalidTitle => "The calendar year is not valid.";

    public override IDictionary<string, string[]> Validate(CalendarYearReplacement request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        CalendarRequests.Validate(request.Year, request.Days, errors);
        return errors;
    }

    public override async Task<WriteOutcome<int>> ApplyAsync(WriteStep<CalendarYearReplacement, ClaimsPrincipal> step, CancellationToken cancellationToken)
    {
        var (work, _, _, (year, request), caller, now) = step;
        var days = CalendarRequests.Validate(year, request, [])!;
        var source = request.Source!.Trim();
        var before = await CalendarRepository.ReplaceYearAsync(work, year, source, days, caller.Name, now, cancellationToken);
        step.Audit.Set("year", year).Set("source", source)
            .Changed("days", before, days.Count)
            .Set("holidays", days.Count(d => d.Kind == CalendarDayKind.Holiday))
            .Set("makeUpWorkdays", days.Count(d => d.Kind == CalendarDayKind.MakeUpWorkday));
        return WriteOutcome<int>.Done(year);
    }
}
