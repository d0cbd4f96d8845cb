using System.Security.Claims;
using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Infrastructure.Application;

namespace ProposalPlatform.Assignment.Application;

/// <summary>The proposal office removes one day from the calendar (its date from the path): it is then an ordinary day of its year. Answers the day's year.</summary>
public sealed class RemoveCalendarDayHandler(WritePath path) : WriteHandler<string?, int>(path)
{
    public override string InvalidTitle => "The calendar day is not valid.";

    public override IDictionary<string, string[]> Validate(string? request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        CalendarRequests.ParseDate(errors, request);
        return errors;
    }

    public override async Task<WriteOutcome<int>> ApplyAsync(WriteStep<string?, ClaimsPrincipal> step, CancellationToken cancellationToken)
    {
        var (work, _, _, request, caller, now) = step;
        var day = CalendarRequests.ParseDate([], request)!.Value;
        if (await CalendarRepository.RemoveDayAsync(work, day, caller.Name, now, cancellationToken) is not { } removed)
        {
            return WriteOutcome<int>.Refused(Problems.NoCalendarDay(day));
        }

        step.Audit.Set("day", day).Set("removedKind", removed.Kind.ToString()).Set("removedName", removed.Name);
        return WriteOutcome<int>.Done(day.Year);
    }
}
