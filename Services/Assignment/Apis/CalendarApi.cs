using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProposalPlatform.Assignment.Application;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Infrastructure.Authorization;

namespace ProposalPlatform.Assignment.Apis;

/// <summary>
/// The holiday calendar working days are counted on: each year's official holidays and make-up working
/// days, as the State Council's notice announces them. Headquarters reads it; the proposal office keeps it.
/// </summary>
public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/assignment/calendar").WithTags("Holiday calendar")
            .RequireAuthorization(PlatformPolicies.Headquarters);

        api.MapGet("/", ListCalendarYears)
            .WithName("ListCalendarYears")
            .WithSummary("The years the holiday calendar holds, each with its notice and how many holidays and make-up working days it has")
            .WithDescription("Lists the years the holiday calendar holds, oldest first, each with the notice its days come from, its numbers of holidays and make-up working days, and who changed it last. A year not listed is counted in calendar days wherever working days are due, with a warning.");
        api.MapGet("/{year:int}", GetCalendarYear)
            .WithName("GetCalendarYear")
            .WithSummary("A year's official holidays and make-up working days, with the notice they come from")
            .WithDescription("Returns a year's official holidays (Holiday) and make-up working days (MakeUpWorkday), by date, with the notice they come from and who changed it last. A year outside 1949–2200 is refused with 400, a year the calendar does not hold is answered 404.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{year:int}", ReplaceCalendarYear)
            .WithName("ReplaceCalendarYear")
            .WithSummary("Put a year's holidays and make-up working days, from the notice named, in place of what the year held")
            .WithDescription("Puts a year's days — each a date of that year, Holiday or MakeUpWorkday, and the holiday's name — with the notice they come from, in place of what the calendar held for the year (or adds the year). A date outside the year or listed twice, a make-up working day that is not a Saturday or Sunday, a missing source, kind or name is refused with 400 naming the field; nothing is changed then.")
            .ProducesValidationProblem()
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapPut("/days/{date}", SetCalendarDay)
            .WithName("SetCalendarDay")
            .WithSummary("Add one day to a year the calendar holds, or change it")
            .WithDescription("Adds one day (yyyy-MM-dd) to a year the calendar holds, or changes its kind (Holiday or MakeUpWorkday) and name. A date that is no date, a make-up working day that is not a Saturday or Sunday, a missing kind or name is refused with 400 naming the field; a year the calendar does not hold with 404 (put the whole year first).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapDelete("/days/{date}", RemoveCalendarDay)
            .WithName("RemoveCalendarDay")
            .WithSummary("Remove one day from the calendar: it is an ordinary day of its year again")
            .WithDescription("Removes one day (yyyy-MM-dd) from the calendar. A date that is no date is refused with 400 naming it; a day the calendar does not name is answered 404.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(PlatformPolicies.Office);

        return app;
    }

    public static async Task<Ok<IReadOnlyList<CalendarYearSummary>>> ListCalendarYears(CalendarRepository calendar, CancellationToken cancellationToken) =>
        TypedResults.Ok(await calendar.YearsAsync(cancellationToken));

    public static async Task<Results<Ok<CalendarYearView>, ValidationProblem, ProblemHttpResult>> GetCalendarYear(
        int year, CalendarRepository calendar, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        CalendarRequests.ValidateYear(errors, year);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The calendar year is not valid.");
        }

        return await calendar.FindYearAsync(year, cancellationToken) is { } found ? TypedResults.Ok(found) : TypedResults.Problem(Problems.NoCalendarYear(year));
    }

    public static async Task<Results<Ok<CalendarYearView>, ValidationProblem, ProblemHttpResult>> ReplaceCalendarYear(
        int year, CalendarYearRequest request, ClaimsPrincipal user, ReplaceCalendarYearHandler handler, CalendarRepository calendar, CancellationToken cancellationToken) =>
        await (await handler.HandleAsync(new CalendarYearReplacement(year, request), user, cancellationToken)).ToHttpAsync(held => YearAsync(held, calendar, cancellationToken));

    public static async Task<Results<Ok<CalendarYearView>, ValidationProblem, ProblemHttpResult>> SetCalendarDay(
        string date, CalendarDayChange request, ClaimsPrincipal user, SetCalendarDayHandler handler, CalendarRepository calendar, CancellationToken cancellationToken) =>
        await (await handler.HandleAsync(new CalendarDaySetting(date, request), user, cancellationToken)).ToHttpAsync(held => YearAsync(held, calendar, cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveCalendarDay(
        string date, ClaimsPrincipal user, RemoveCalendarDayHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(date, user, cancellationToken)).ToHttp(_ => TypedResults.NoContent());

    /// <summary>The year as the write left it, read after the commit.</summary>
    private static async Task<Ok<CalendarYearView>> YearAsync(int year, CalendarRepository calendar, CancellationToken cancellationToken) =>
        TypedResults.Ok((await calendar.FindYearAsync(year, cancellationToken))!);
}
