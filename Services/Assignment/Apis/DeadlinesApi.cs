using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Infrastructure.Authorization;

namespace ProposalPlatform.Assignment.Apis;

/// <summary>The open deadlines (replies and co-handling opinions) coming up and already missed.</summary>
public static class DeadlinesApi
{
    public const int MaxLimit = 5000;

    public static IEndpointRouteBuilder MapDeadlinesApi(this IEndpointRouteBuilder app)
    {
        // the office sees every unit's deadlines, a unit's handlers and head their own unit's
        var api = app.MapGroup("api/assignment/deadlines").WithTags("Deadlines")
            .RequireAuthorization(PlatformPolicies.Headquarters);

        api.MapGet("/due-soon", DueSoon)
            .WithName("ListDeadlinesDueSoon")
            .WithSummary("Open reply and co-handling deadlines falling in the next days, soonest first")
            .WithDescription("Lists the open reply and co-handling deadlines falling in the next days (14 unless told, at most 366), soonest first; a unit's handlers and head see their own unit's only. A bad number of days or limit is refused with 400.");
        api.MapGet("/overdue", Overdue)
            .WithName("ListOverdueDeadlines")
            .WithSummary("Open reply and co-handling deadlines already passed, oldest first")
            .WithDescription("Lists the open reply and co-handling deadlines already passed, oldest first; a unit's handlers and head see their own unit's only. A bad limit is refused with 400.");

        return app;
    }

    /// <summary>How many days ahead the due-soon list looks unless told.</summary>
    public const int DueSoonDays = 14;

    public static async Task<Results<Ok<IReadOnlyList<DeadlineRow>>, ValidationProblem>> DueSoon(
        Caller caller, DeadlineRepository deadlines, TimeProvider clock, CancellationToken cancellationToken,
        [FromQuery] int days = DueSoonDays, [FromQuery] int limit = 500)
    {
        var errors = new Dictionary<string, string[]>();
        if (days is < 1 or > 366)
        {
            errors["days"] = ["Look between 1 and 366 days ahead."];
        }

        CheckLimit(errors, limit);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query is not valid.");
        }

        var now = clock.GetUtcNow();
        return TypedResults.Ok(await deadlines.DueBetweenAsync(now, now.AddDays(days), limit, VisibleUnit(caller), cancellationToken));
    }

    public static async Task<Results<Ok<IReadOnlyList<DeadlineRow>>, ValidationProblem>> Overdue(
        Caller caller, DeadlineRepository deadlines, TimeProvider clock, CancellationToken cancellationToken, [FromQuery] int limit = 500)
    {
        var errors = new Dictionary<string, string[]>();
        CheckLimit(errors, limit);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query is not valid.");
        }

        return TypedResults.Ok(await deadlines.DueBetweenAsync(null, clock.GetUtcNow(), limit, VisibleUnit(caller), cancellationToken));
    }

    private static string? VisibleUnit(Caller caller) => caller.IsOffice ? null : caller.UnitCode ?? "";

    private static void CheckLimit(Dictionary<string, string[]> errors, int limit)
    {
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"The limit must be between 1 and {MaxLimit}."];
        }
    }
}
