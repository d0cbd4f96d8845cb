using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Infrastructure.Authorization;

namespace ProposalPlatform.Assignment.Apis;

/// <summary>The handling units: headquarters departments and customs districts with the places each district covers.</summary>
public static partial class UnitsApi
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
            : NoSuchUnit(code);

    public static async Task<Results<Ok<IReadOnlyList<PlaceView>>, ProblemHttpResult>> GetCoverage(string code, UnitRepository units, CancellationToken cancellationToken)
    {
        if (await units.FindAsync(code, cancellationToken) is null)
        {
            return NoSuchUnit(code);
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
            return Problems.NotFound("No district covers the place.", $"No customs district covers {province.Trim()} {city?.Trim()}".TrimEnd() + ".");
        }

        return TypedResults.Ok(UnitView.From(unit, await units.CoverageAsync(code, cancellationToken)));
    }

    public static async Task<Results<Created<UnitView>, ValidationProblem, ProblemHttpResult>> CreateUnit(
        UnitRequest request, UnitRepository units, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Code) || !UnitCodePattern().IsMatch(request.Code.Trim()))
        {
            errors["code"] = ["A unit code is 2 to 40 capital letters, digits and dashes (e.g. DIST-SHENZHEN)."];
        }

        ValidateUnit(errors, request.Name, request.Kind);
        var places = ValidatePlaces(errors, "coverage", request.Coverage);
        if (places.Count > 0 && request.Kind?.Trim() != HandlingUnit.District)
        {
            errors["coverage"] = ["Only a customs district covers places."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The unit is not valid.");
        }

        var unit = new HandlingUnit(request.Code!.Trim(), request.Name!.Trim(), request.Kind!.Trim());
        if (places.Count > 0)
        {
            var taken = await units.CoverageAsync(null, cancellationToken);
            var conflicts = places.Where(p => taken.Any(t => t.Province == p.Province && t.City == p.City)).ToList();
            if (conflicts.Count > 0)
            {
                return PlacesTaken(conflicts.Select(p => taken.First(t => t.Province == p.Province && t.City == p.City)).ToList());
            }
        }

        if (!await units.CreateAsync(unit, cancellationToken))
        {
            return Problems.Conflict("The unit exists.", $"A unit with code {unit.Code} already exists: change it with PUT.");
        }

        var clashes = await units.ReplaceCoverageAsync(unit.Code, places.Select(p => p with { UnitCode = unit.Code }).ToList(), cancellationToken);
        if (clashes.Count > 0)
        {
            return PlacesTaken(clashes);
        }

        return TypedResults.Created($"/api/assignment/units/{unit.Code}", UnitView.From(unit, await units.CoverageAsync(unit.Code, cancellationToken)));
    }

    public static async Task<Results<Ok<UnitView>, ValidationProblem, ProblemHttpResult>> UpdateUnit(
        string code, UnitRequest request, UnitRepository units, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        ValidateUnit(errors, request.Name, request.Kind);
        if (request.Code is not null && request.Code.Trim() != code)
        {
            errors["code"] = ["A unit's code cannot change: it is how items and rules refer to the unit."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The unit is not valid.");
        }

        var unit = new HandlingUnit(code, request.Name!.Trim(), request.Kind!.Trim());
        if (!await units.UpdateAsync(unit, cancellationToken))
        {
            return NoSuchUnit(code);
        }

        if (request.Coverage is not null)
        {
            var clashes = await units.ReplaceCoverageAsync(code, ValidatePlaces(errors, "coverage", request.Coverage).Select(p => p with { UnitCode = code }).ToList(), cancellationToken);
            if (clashes.Count > 0)
            {
                return PlacesTaken(clashes);
            }
        }

        return TypedResults.Ok(UnitView.From(unit, await units.CoverageAsync(code, cancellationToken)));
    }

    public static async Task<Results<Ok<IReadOnlyList<PlaceView>>, ValidationProblem, ProblemHttpResult>> ReplaceCoverage(
        string code, IReadOnlyList<PlaceRequest> places, UnitRepository units, CancellationToken cancellationToken)
    {
        var unit = await units.FindAsync(code, cancellationToken);
        if (unit is null)
        {
            return NoSuchUnit(code);
        }

        var errors = new Dictionary<string, string[]>();
        var coverage = ValidatePlaces(errors, "", places);
        if (coverage.Count > 0 && unit.Kind != HandlingUnit.District)
        {
            errors["coverage"] = ["Only a customs district covers places."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The coverage is not valid.");
        }

        var clashes = await units.ReplaceCoverageAsync(code, coverage.Select(p => p with { UnitCode = code }).ToList(), cancellationToken);
        if (clashes.Count > 0)
        {
            return PlacesTaken(clashes);
        }

        IReadOnlyList<PlaceView> views = (await units.CoverageAsync(code, cancellationToken)).Select(PlaceView.From).ToList();
        return TypedResults.Ok(views);
    }

    private static void ValidateUnit(Dictionary<string, string[]> errors, string? name, string? kind)
    {
        Problems.Require(errors, "name", name, "A unit needs a name.");
        if (!HandlingUnit.IsKnownKind(kind?.Trim()))
        {
            errors["kind"] = [$"The kind is {HandlingUnit.Department} or {HandlingUnit.District}."];
        }
    }

    /// <summary>The places, their names reduced to one form; errors for blank provinces and duplicates.</summary>
    private static List<Coverage> ValidatePlaces(Dictionary<string, string[]> errors, string field, IReadOnlyList<PlaceRequest>? places)
    {
        var result = new List<Coverage>();
        foreach (var (place, i) in (places ?? []).Select((place, i) => (place, i)))
        {
            var prefix = field.Length == 0 ? $"[{i}]" : $"{field}[{i}]";
            if (string.IsNullOrWhiteSpace(place.Province))
            {
                errors[prefix + ".province"] = ["Name the province."];
                continue;
            }

            var coverage = new Coverage(string.Empty, PlaceNames.Normalize(place.Province), string.IsNullOrWhiteSpace(place.City) ? null : PlaceNames.Normalize(place.City));
            if (result.Contains(coverage))
            {
                errors[prefix] = ["The place is listed twice."];
                continue;
            }

            result.Add(coverage);
        }

        return result;
    }

    private static ProblemHttpResult PlacesTaken(IReadOnlyList<Coverage> taken) =>
        Problems.Conflict(
            "A place is covered by another district.",
            "Each place belongs to one district: " + string.Join("; ", taken.Select(t => $"{t.Province}{(t.City is null ? " (whole province)" : " " + t.City)} is covered by {t.UnitCode}")) + ".");

    internal static ProblemHttpResult NoSuchUnit(string code) => Problems.NotFound("No such unit.", $"There is no unit with code {code}.");

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,39}$")]
    private static partial Regex UnitCodePattern();
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
