using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.ContactScheduling.Application;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Apis;

/// <summary>
/// Visits entrusted to customs districts: a district's officers see its tasks, fix when and by whom it
/// visits, and report back — their own district's only; another district's visit is "not found".
/// The proposal office reads any district's list.
/// </summary>
public static class EntrustedApi
{
    public static IEndpointRouteBuilder MapEntrustedApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/contacts/entrusted").WithTags("Entrusted visits")
            .RequireAuthorization(policy => policy.RequireRole(PlatformRoles.ProposalOffice, PlatformRoles.DistrictOfficer));

        api.MapGet("/", ListEntrusted)
            .WithName("ListEntrustedVisits")
            .WithSummary("The visits entrusted to a district, with their history and the unit that entrusted each")
            .WithDescription("Lists the visits entrusted to one district (?district=CODE), with their history; a district officer lists only their own district's (403 otherwise). A missing district is refused with 400.");
        api.MapPost("/{contactId:guid}/schedule", ScheduleVisit)
            .WithName("ScheduleEntrustedVisit")
            .WithSummary("The district fixes the time of an entrusted visit and who makes it")
            .WithDescription("The district fixes the time of a visit entrusted to it and who makes it. An invalid schedule is refused with 400, a visit not entrusted to the caller's district with 404, a visit no longer planned or a clash with another planned contact with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.District);
        api.MapPost("/{contactId:guid}/report", ReportVisit)
            .WithName("ReportEntrustedVisit")
            .WithSummary("The district reports the visit: its outcome and report come back to the item as the contact's outcome")
            .WithDescription("The district reports an entrusted visit: its outcome and report become the contact's outcome on the item, and reaching the lead submitter completes the round. An invalid report is refused with 400, a visit not entrusted to the caller's district with 404, a visit already reported or cancelled with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.District);

        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<ContactView>>, ValidationProblem, ProblemHttpResult>> ListEntrusted(
        Caller caller,
        PlatformDatabase database,
        CancellationToken cancellationToken,
        [FromQuery] string? district = null)
    {
        var own = caller.IsOffice ? null : caller.UnitCode;
        district = string.IsNullOrWhiteSpace(district) ? own : district.Trim();
        if (string.IsNullOrWhiteSpace(district))
        {
            return Problems.Invalid("district", "Name the district whose entrusted visits to list (?district=CODE).");
        }

        if (!caller.IsOffice && !ContactItems.SameUnit(own ?? "", district))
        {
            return TypedResults.Problem(Problems.NotYourDistrict(own ?? "(no unit)", district));
        }

        var visits = await ContactStore.WithHistoryAsync(
            database, "upper(entrusted_unit_code) = upper(@district)", new { district }, cancellationToken);
        var units = visits.Count == 0
            ? new Dictionary<Guid, string>()
            : await ContactStore.TaskUnitsAsync(database, [.. visits.Select(v => v.Contact.ProposalId).Distinct()], cancellationToken);
        IReadOnlyList<ContactView> views = visits
            .Select(v => ContactView.From(v.Contact, v.Changes) with { EntrustingUnitCode = units.GetValueOrDefault(v.Contact.ProposalId) })
            .ToList();
        return TypedResults.Ok(views);
    }

    public static async Task<Results<Ok<ContactView>, ValidationProblem, ProblemHttpResult>> ScheduleVisit(
        Guid contactId, EntrustedScheduleRequest request, ClaimsPrincipal user, ScheduleEntrustedVisitHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(contactId, request, user, cancellationToken)).ToHttp(TypedResults.Ok);

    public static async Task<Results<Ok<ContactView>, ValidationProblem, ProblemHttpResult>> ReportVisit(
        Guid contactId, EntrustedReportRequest request, ClaimsPrincipal user, ReportEntrustedVisitHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(contactId, request, user, cancellationToken)).ToHttp(TypedResults.Ok);
}
