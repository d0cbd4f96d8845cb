using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Notifications.Data;

namespace ProposalPlatform.Notifications.Apis;

public static class NotificationsApi
{
    public const int MaxUnitCodeLength = 64;
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        // operations staff see no item, and so no notice about one
        var api = app.MapGroup("api/notifications").WithTags("Notifications")
            .RequireAuthorization(PlatformPolicies.Staff);

        api.MapGet("/", ListNotifications)
            .WithName("ListNotifications")
            .WithSummary("A unit's notices — replies and co-handling opinions due soon or late, contacts missing — newest first, with whether their digest was mailed")
            .WithDescription("Lists, a page at a time (page, pageSize up to 200), the reminders the platform gave a unit, newest first: each with its Chinese text naming the item by its number and title (never a submitter's contact details), the deadline, and when the unit's daily digest that carried it was mailed. A unit's handlers and head, and a district's officers, get their own unit's (another unit asked for is answered 404); the office names the unit (400 without it); a bad page or page size is refused with 400 naming it.");
        return app;
    }

    public static async Task<Results<Ok<NoticeList>, ValidationProblem, ProblemHttpResult>> ListNotifications(
        Caller caller, NoticeReadModel notices, CancellationToken cancellationToken,
        [FromQuery(Name = "unit")] string? unit = null, [FromQuery(Name = "page")] int page = 1, [FromQuery(Name = "pageSize")] int pageSize = 50)
    {
        unit = unit?.Trim();
        var errors = new Dictionary<string, string[]>();
        if (unit is { Length: 0 or > MaxUnitCodeLength } || (unit is null && caller.IsOffice))
        {
            errors["unit"] = [$"The unit is a unit code of 1 to {MaxUnitCodeLength} characters; the office names the unit whose notices it lists."];
        }

        if (page < 1)
        {
            errors["page"] = ["The page is 1 or more."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"A page holds 1 to {MaxPageSize} notices."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The list's parameters are not valid.");
        }

        if (caller.IsKeptFromUnit(unit))
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "No such notices.",
                Detail = "There are no notices of that unit here that are yours to see.",
            });
        }

        var code = unit ?? caller.UnitCode!;
        var (total, rows) = await notices.OfUnitAsync(code, page, pageSize, cancellationToken);
        return TypedResults.Ok(new NoticeList(code, page, pageSize, total, [.. rows.Select(r => NoticeView.From(r.Notice, r.MailedAt))]));
    }
}
