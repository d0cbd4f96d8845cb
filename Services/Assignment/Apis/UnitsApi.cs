using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Assignment.Application;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Infrastructure.Authorization;

namespace ProposalPlatform.Assignment.Apis;

/// <summary>The handling units: headquarters departments and customs districts with the places each district covers.</summary>
public static class UnitsApi
{
    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        // every staff role reads the registry (names and coverage); only the office changes it
        var api = app.MapGroup("api/assignment/units").WithTags("Units")
            .RequireAuthorization(PlatformPolicies.Staff);

        api.MapGet("/", ListUnits)
            .WithName("ListUnits")
            .WithSummary("The handling units: headquarters departments and customs districts, with what each district covers")
            .WithDescription("Lists the handling units, headquarters departments and customs districts, with the provinces and cities each district covers.");
        api.MapGet("/district-for", DistrictFor)
            .WithName("FindDistrictForPlace")
            .WithSummary("The customs district covering a province and city (a district listing the city beats a province-wide one)")
            .WithDescription("Returns the customs district covering a province and city; a district listing the city wins over one covering the whole province. A missing province is refused with 400, a place no district covers with 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{code}", GetUnit)
            .WithName("GetUnit")
            .WithSummary("One handling unit with what it covers")
            .WithDescription("Returns one handling unit with what it covers. An unknown unit code is answered 404.");
        api.MapPost("/", CreateUnit)
            .WithName("CreateUnit")
            .WithSummary("Add a handling unit (and, for a district, what it covers)")
            .WithDescription("Adds a handling unit, and for a customs district the places it covers. An invalid code, name, kind or coverage is refused with 400, an existing code or a place another district covers with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapPut("/{code}", UpdateUnit)
            .WithName("UpdateUnit")
            .WithSummary("Rename a unit or change its kind")
            .WithDescription("Renames a unit or changes its kind; its code never changes. An invalid unit is refused with 400, an unknown unit code with 404.")
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapGet("/{code}/coverage", GetCoverage)
            .WithName("GetUnitCoverage")
            .WithSummary("The provinces and cities a district covers")
            .WithDescription("Lists the provinces and cities a customs district covers. An unknown unit code is answered 404.");
        api.MapPut("/{code}/coverage", ReplaceCoverage)
            .WithName("ReplaceUnitCoverage")
            .WithSummary("Replace what a district covers; a place already covered by another district is refused")
            .WithDescription("Replaces the places a customs district covers. Coverage for a unit that is not a district or a place listed twice is refused with 400, an unknown unit code with 404, a place another district already covers with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Office);

        return app;
    }

    public static async Task<Ok<IReadOnlyList<UnitView>>> ListUnits(UnitRepository units, CancellationToken cancellationToken)
    {
        var coverage = (await units.CoverageAsync(null, cancellationToken)).ToLookup(place => place.UnitCode);
        IReadOnlyList<UnitView> views = (await units.UnitsAsync(cancellationToken)).Select(unit => UnitView.From(unit, coverage[unit.Code])).ToList();
        return TypedResults.Ok(views);
    }

    public static async Task<Results<Ok<UnitView>, ProblemHttpResult>> GetUnit(string code, UnitRepository units, CancellationToken cancellationToken) =>
        await units.FindAsync(code, cancellationToken) is { } unit
            ? TypedResults.Ok(UnitView.From(unit, await units.CoverageAsync(code, cancellationToken)))
            : TypedResults.Problem(Problems.NoSuchUnit(code));

    public static async Task<Results<Ok<IReadOnlyList<PlaceView>>, ProblemHttpResult>> GetCoverage(string code, UnitRepository units, CancellationToken cancellationToken)
    {
        if (await units.FindAsync(code, cancellationToken) is null)
        {
            return TypedResults.Problem(Problems.NoSuchUnit(code));
        }

        IReadOnlyList<PlaceView> places = (await units.CoverageAsync(code, cancellationToken)).Select(PlaceView.From).ToList();
        return TypedResults.Ok(places);
    }

    public static async Task<Results<Ok<UnitView>, ValidationProblem, ProblemHttpResult>> DistrictFor(
        UnitRepository units, CancellationToken cancellationToken, [FromQuery] string? province = null, [FromQuery] string? city = null)
    {
        if (string.IsNullOrWhiteSpace(province))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["province"] = ["Name the province."] }, title: "The query is not valid.");
        }

        var code = DistrictFinder.DistrictFor(province, city, await units.CoverageAsync(null, cancellationToken));
        if (code is null || await units.FindAsync(code, cancellationToken) is not { } unit)
        {
            return TypedResults.Problem(Problems.NotFound("No district covers the place.", $"No customs district covers {province.Trim()} {city?.Trim()}".TrimEnd() + "."));
        }

        return TypedResults.Ok(UnitView.From(unit, await units.CoverageAsync(code, cancellationToken)));
    }

    public static async Task<Results<Created<UnitView>, ValidationProblem, ProblemHttpResult>> CreateUnit(
        UnitRequest request, ClaimsPrincipal user, CreateUnitHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(request, user, cancellationToken)).ToHttp(unit => TypedResults.Created($"/api/assignment/units/{unit.Code}", unit));

    public static async Task<Results<Ok<UnitView>, ValidationProblem, ProblemHttpResult>> UpdateUnit(
        string code, UnitRequest request, ClaimsPrincipal user, UpdateUnitHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new UnitUpdate(code, request), user, cancellationToken)).ToHttp(TypedResults.Ok);

    public static async Task<Results<Ok<IReadOnlyList<PlaceView>>, ValidationProblem, ProblemHttpResult>> ReplaceCoverage(
        string code, IReadOnlyList<PlaceRequest> places, ClaimsPrincipal user, ReplaceCoverageHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new CoverageReplacement(code, places), user, cancellationToken)).ToHttp(TypedResults.Ok);
}
public sealed record UnitView(string Code, string Name, string Kind, IReadOnlyList<PlaceView> Coverage)
{
    public static UnitView From(HandlingUnit unit, IEnumerable<Coverage> coverage) =>
        new(unit.Code, unit.Name, unit.Kind, coverage.Select(PlaceView.From).ToList());
}

/// <summary>A province (city null: all of it) or a city.</summary>
public sealed record PlaceView(string Province, string? City)
{
    public static PlaceView From(Coverage coverage) => new(coverage.Province, coverage.City);
}

public sealed record PlaceRequest(string? Province, string? City);

public sealed record UnitRequest(string? Code, string? Name, string? Kind, IReadOnlyList<PlaceRequest>? Coverage);
