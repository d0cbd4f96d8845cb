using System.Security.Claims;
using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Infrastructure.Application;

namespace ProposalPlatform.Assignment.Application;

/// <summary>One day as the office sets it, its date from the path.</summary>
public sealed record CalendarDaySetting(string? Date, CalendarDayChange Day);

/// <summary>
/// The proposal office adds one day to a year the calendar holds, or changes what it is (a holiday or a
/// make-up working day, and its name). A year the calendar does not hold takes its whole notice first
/// (<see cref="ReplaceCalendarYearHandler"/>): one day would make it look known. Answers the day's year.
/// </summary>
public sealed class SetCalendarDayHandler(WritePath path) : WriteHandler<CalendarDaySetting, int>(path)
{
    public override string InvalidTitle => "The calendar day is not valid.";

    public override IDictionary<string, string[]> Validate(CalendarDaySetting request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        CalendarRequests.Validate(request.Date, request.Day, errors);
        return errors;
    }

    public override async Task<WriteOutcome<int>> ApplyAsync(WriteStep<CalendarDaySetting, ClaimsPrincipal> step, CancellationToken cancellationToken)
    {
        var (work, _, _, request, caller, now) = step;
        var day = CalendarRequests.Validate(request.Date, request.Day, [])!;
        var (held, before) = await CalendarRepository.SetDayAsync(work, day, caller.Name, now, cancellationToken);
        if (!held)
        {
            return WriteOutcome<int>.Refused(Problems.NoCalendarYear(day.Date.Year));
        }

        step.Audit.Set("day", day.Date).Changed("kind", before?.Kind.ToString(), day.Kind.ToString()).Changed("name", before?.Name, day.Name);
        return WriteOutcome<int>.Done(day.Date.Year);
    }
}
