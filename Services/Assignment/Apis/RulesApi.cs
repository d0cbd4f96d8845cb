using Microsoft.AspNetCore.Http.HttpResults;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Infrastructure.Authorization;

namespace ProposalPlatform.Assignment.Apis;

/// <summary>The routing rules as data: keyword → lead unit and co-handling units, with a dry run of a change.</summary>
public static class RulesApi
{
    public const int DefaultPriority = 100;

    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/assignment/rules").WithTags("Routing rules")
            .RequireAuthorization(PlatformPolicies.Headquarters);

        api.MapGet("/", ListRules)
            .WithName("ListRoutingRules")
            .WithSummary("The routing rules, by priority (lower wins)")
            .WithDescription("Lists the routing rules that assign new items to lead units by keyword, by priority (a lower number wins).");
        api.MapGet("/{id:int}", GetRule)
            .WithName("GetRoutingRule")
            .WithSummary("One routing rule")
            .WithDescription("Returns one routing rule. An unknown rule id is answered 404.");
        api.MapPost("/", CreateRule)
            .WithName("CreateRoutingRule")
            .WithSummary("Add a rule: items whose topic or a tag contains the keyword go to the unit")
            .WithDescription("Adds a routing rule: new items whose topic or a tag contains the keyword go to its lead unit, with its co-handling units. A missing keyword, an unknown unit or a negative priority is refused with 400, a rule sending the same keyword to the same unit with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapPut("/{id:int}", UpdateRule)
            .WithName("UpdateRoutingRule")
            .WithSummary("Replace a rule (items already assigned stay where they are)")
            .WithDescription("Replaces a routing rule; items already assigned stay where they are. An invalid rule is refused with 400, an unknown rule id with 404, a duplicate of another rule with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapDelete("/{id:int}", DeleteRule)
            .WithName("DeleteRoutingRule")
            .WithSummary("Remove a rule (items already assigned stay where they are)")
            .WithDescription("Removes a routing rule; items already assigned stay where they are. An unknown rule id is answered 404.")
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapPost("/dry-run", DryRun)
            .WithName("DryRunRoutingRules")
            .WithSummary("Which assigned items a proposed rule change would move, from which unit to which; changes nothing")
            .WithDescription("Shows which assigned items a proposed set of rule changes (added, updated and removed rules) would route to another unit, from which unit to which; nothing is changed. A change naming unknown rules or units is refused with 400.")
            .RequireAuthorization(PlatformPolicies.Office);

        return app;
    }

    public static async Task<Ok<IReadOnlyList<RoutingRule>>> ListRules(RuleRepository rules, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rules.ListAsync(cancellationToken));

    public static async Task<Results<Ok<RoutingRule>, ProblemHttpResult>> GetRule(int id, RuleRepository rules, CancellationToken cancellationToken) =>
        await rules.FindAsync(id, cancellationToken) is { } rule ? TypedResults.Ok(rule) : NoSuchRule(id);

    public static async Task<Results<Created<RoutingRule>, ValidationProblem, ProblemHttpResult>> CreateRule(
        RuleRequest request, RuleRepository rules, UnitRepository units, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync([(string.Empty, request)], units, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The rule is not valid.");
        }

        var created = await rules.CreateAsync(request.ToRule(0), cancellationToken);
        return created is null
            ? Problems.Conflict("The rule exists.", $"A rule already sends '{request.Keyword!.Trim()}' to {request.UnitCode!.Trim()}: change that one.")
            : TypedResults.Created($"/api/assignment/rules/{created.Id}", created);
    }

    public static async Task<Results<Ok<RoutingRule>, ValidationProblem, ProblemHttpResult>> UpdateRule(
        int id, RuleRequest request, RuleRepository rules, UnitRepository units, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync([(string.Empty, request)], units, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The rule is not valid.");
        }

        var rule = request.ToRule(id);
        return await rules.UpdateAsync(rule, cancellationToken) switch
        {
            RuleWrite.Missing => NoSuchRule(id),
            RuleWrite.Duplicate => Problems.Conflict("The rule exists.", $"Another rule already sends '{rule.Keyword}' to {rule.UnitCode}."),
            _ => TypedResults.Ok(rule),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteRule(int id, RuleRepository rules, CancellationToken cancellationToken) =>
        await rules.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : NoSuchRule(id);

    public static async Task<Results<Ok<DryRunResult>, ValidationProblem>> DryRun(
        DryRunRequest request, RuleRepository rules, UnitRepository units, AssignmentRepository assignments, CancellationToken cancellationToken)
    {
        var current = await rules.ListAsync(cancellationToken);
        var known = current.Select(rule => rule.Id).ToHashSet();
        var written = (request.Add ?? []).Select((rule, i) => ($"add[{i}].", rule))
            .Concat((request.Update ?? []).Select((rule, i) => ($"update[{i}].", (RuleRequest)rule)))
            .ToList();
        var errors = await ValidateAsync(written, units, cancellationToken);
        foreach (var (rule, i) in (request.Update ?? []).Select((rule, i) => (rule, i)))
        {
            if (!known.Contains(rule.Id))
            {
                errors[$"update[{i}].id"] = [$"There is no rule {rule.Id}."];
            }
        }

        foreach (var (id, i) in (request.Remove ?? []).Select((id, i) => (id, i)))
        {
            if (!known.Contains(id))
            {
                errors[$"remove[{i}]"] = [$"There is no rule {id}."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The proposed change is not valid.");
        }

        var change = new RuleSetChange(
            request.Add?.Select(rule => rule.ToRule(0)).ToList(),
            request.Update?.Select(rule => rule.ToRule(rule.Id)).ToList(),
            request.Remove);
        var items = await assignments.RoutedItemsAsync(cancellationToken);
        var moves = RoutingDryRun.Moves(items, current, change.ApplyTo(current));
        return TypedResults.Ok(new DryRunResult(items.Count, moves.Count, moves));
    }

    private static async Task<Dictionary<string, string[]>> ValidateAsync(
        IReadOnlyList<(string Prefix, RuleRequest Rule)> requests, UnitRepository units, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var unknown = (await units.UnknownAsync(
            requests.SelectMany(r => (r.Rule.CoUnitCodes ?? []).Append(r.Rule.UnitCode ?? string.Empty))
                .Where(code => !string.IsNullOrWhiteSpace(code)).Select(code => code.Trim()),
            cancellationToken)).ToHashSet(StringComparer.Ordinal);

        foreach (var (prefix, rule) in requests)
        {
            Problems.Require(errors, prefix + "keyword", rule.Keyword, "A rule needs a keyword.");
            Problems.Require(errors, prefix + "unitCode", rule.UnitCode, "A rule needs the lead unit.");
            if (!string.IsNullOrWhiteSpace(rule.UnitCode) && unknown.Contains(rule.UnitCode.Trim()))
            {
                errors[prefix + "unitCode"] = [$"'{rule.UnitCode}' is not a unit."];
            }

            var badCoUnits = (rule.CoUnitCodes ?? []).Where(code => string.IsNullOrWhiteSpace(code) || unknown.Contains(code.Trim())).ToList();
            if (badCoUnits.Count > 0)
            {
                errors[prefix + "coUnitCodes"] = [$"Not units: {string.Join(", ", badCoUnits.Select(code => $"'{code}'"))}."];
            }
            else if ((rule.CoUnitCodes ?? []).Any(code => code.Trim() == rule.UnitCode?.Trim()))
            {
                errors[prefix + "coUnitCodes"] = ["The lead unit cannot also co-handle."];
            }

            if (rule.Priority is < 0)
            {
                errors[prefix + "priority"] = ["The priority is 0 or more (lower wins)."];
            }
        }

        return errors;
    }

    private static ProblemHttpResult NoSuchRule(int id) => Problems.NotFound("No such rule.", $"There is no routing rule {id}.");
}

public record RuleRequest(string? Keyword, string? UnitCode, int? Priority, IReadOnlyList<string>? CoUnitCodes)
{
    public RoutingRule ToRule(int id) => new(
        Keyword!.Trim(), UnitCode!.Trim(), Priority ?? RulesApi.DefaultPriority,
        (CoUnitCodes ?? []).Select(code => code.Trim()).Distinct(StringComparer.Ordinal).ToList(), id);
}

public sealed record RuleUpdateRequest(int Id, string? Keyword, string? UnitCode, int? Priority, IReadOnlyList<string>? CoUnitCodes)
    : RuleRequest(Keyword, UnitCode, Priority, CoUnitCodes);

public sealed record DryRunRequest(IReadOnlyList<RuleRequest>? Add, IReadOnlyList<RuleUpdateRequest>? Update, IReadOnlyList<int>? Remove);

/// <summary>How many assigned items were looked at, how many would move, and each move.</summary>
public sealed record DryRunResult(int Examined, int Moving, IReadOnlyList<RoutingMove> Moves);
