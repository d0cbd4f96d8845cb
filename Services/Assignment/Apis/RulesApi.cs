using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProposalPlatform.Assignment.Application;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.ServiceDefaults;

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
            .WithDescription("Shows which assigned items a proposed set of rule changes (added, updated and removed rules) would route to another unit, from which unit to which; nothing is changed. A change naming unknown rules or units, or updating a rule twice, is refused with 400.")
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapPost("/route", RouteItem)
            .WithName("RouteItem")
            .WithSummary("Where the rules in force would send an item with this topic and these tags; changes nothing")
            .WithDescription("Answers the lead unit and co-handling units the routing rules in force give an item with the topic and tags given, and the keyword that matched (none: the proposal office assigns it by hand). Nothing is changed. A missing or too long topic, or a blank or too long tag, is refused with 400.")
            .RequireAuthorization(PlatformPolicies.Office);

        return app;
    }

    public static async Task<Ok<IReadOnlyList<RoutingRule>>> ListRules(RuleRepository rules, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rules.ListAsync(cancellationToken));

    public static async Task<Results<Ok<RoutingRule>, ProblemHttpResult>> GetRule(int id, RuleRepository rules, CancellationToken cancellationToken) =>
        await rules.FindAsync(id, cancellationToken) is { } rule ? TypedResults.Ok(rule) : TypedResults.Problem(Problems.NoSuchRule(id));

    public static async Task<Results<Created<RoutingRule>, ValidationProblem, ProblemHttpResult>> CreateRule(
        RuleRequest request, ClaimsPrincipal user, CreateRuleHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(request, user, cancellationToken)).ToHttp(rule => TypedResults.Created($"/api/assignment/rules/{rule.Id}", rule));

    public static async Task<Results<Ok<RoutingRule>, ValidationProblem, ProblemHttpResult>> UpdateRule(
        int id, RuleRequest request, ClaimsPrincipal user, UpdateRuleHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new RuleReplacement(id, request), user, cancellationToken)).ToHttp(TypedResults.Ok);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteRule(int id, ClaimsPrincipal user, DeleteRuleHandler handler, CancellationToken cancellationToken)
    {
        // a removal has no fields to find invalid: its outcome is done or a refusal
        var outcome = await handler.HandleAsync(id, user, cancellationToken);
        return outcome.Problem is { } refusal ? TypedResults.Problem(refusal) : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<DryRunResult>, ValidationProblem>> DryRun(
        DryRunRequest request, RuleRepository rules, UnitRepository units, AssignmentRepository assignments, CancellationToken cancellationToken)
    {
        var current = await rules.ListAsync(cancellationToken);
        var known = current.Select(rule => rule.Id).ToHashSet();
        var written = (request.Add ?? []).Select((rule, i) => ($"add[{i}].", rule))
            .Concat((request.Update ?? []).Select((rule, i) => ($"update[{i}].", (RuleRequest)rule)))
            .ToList();
        var errors = RuleRequests.Validate(written, await units.UnknownAsync(RuleRequests.UnitCodesOf(written), cancellationToken));
        var updated = new HashSet<int>();
        foreach (var (rule, i) in (request.Update ?? []).Select((rule, i) => (rule, i)))
        {
            if (!known.Contains(rule.Id))
            {
                errors[$"update[{i}].id"] = [$"There is no rule {rule.Id}."];
            }
            else if (!updated.Add(rule.Id))
            {
                errors[$"update[{i}].id"] = [$"Rule {rule.Id} is updated twice: give one update per rule."];
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

    public static async Task<Results<Ok<Routing>, ValidationProblem>> RouteItem(RouteRequest request, RuleRepository rules, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        Problems.Require(errors, "topic", request.Topic, "Give the item's topic.", TextLimits.Name);
        foreach (var (tag, i) in (request.Tags ?? []).Select((tag, i) => (tag, i)))
        {
            Problems.Require(errors, $"tags[{i}]", tag, "A tag is not blank.", TextLimits.Name);
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The item to route is not valid.");
        }

        return TypedResults.Ok(Router.Route(request.Topic!.Trim(), request.Tags?.Select(tag => tag!.Trim()), await rules.ListAsync(cancellationToken)));
    }
}

/// <summary>An item as routing reads it: its topic and tags.</summary>
public sealed record RouteRequest(string? Topic, IReadOnlyList<string?>? Tags);

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
