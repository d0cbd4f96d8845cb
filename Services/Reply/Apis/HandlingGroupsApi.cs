using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Reply.Application;
using ProposalPlatform.Reply.Data;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.Reply.Apis;

public static class HandlingGroupsApi
{
    public static IEndpointRouteBuilder MapHandlingGroupsApi(this IEndpointRouteBuilder app)
    {
        // the office forms and changes groups; the lead unit and the office read them
        var api = app.MapGroup("api/replies/groups").WithTags("Merged handling")
            .RequireAuthorization(PlatformPolicies.Staff);

        api.MapPost("/", FormAsync)
            .WithName("FormHandlingGroup")
            .WithSummary("Handle items together (并案): the lead item's unit drafts once, one sign-off chain and one publication decision for all; each item keeps its own contact and gets its own formal reply")
            .WithDescription("Forms a merged group of 2 to 100 items led by one of them. Every item must be assigned to this body and led by the lead item's unit, not replied to or returned, in no other open group; a key item only under a key lead. A missing lead or list, an unknown item or a too long note is refused with 400; an item that cannot join refuses the group with 409 naming each item and why. Proposal office only.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapGet("/", ListOpenAsync)
            .WithName("ListOpenHandlingGroups")
            .WithSummary("The open merged groups, oldest first: every unit's for the proposal office, the caller's own unit's for its staff")
            .WithDescription("Lists the open merged groups (at most 500), oldest first, each with its items: the proposal office sees every unit's (or one unit's, with unitCode), a unit's staff their own unit's only.");
        api.MapGet("/{groupId:guid}", GetAsync)
            .WithName("GetHandlingGroup")
            .WithSummary("A merged group with its items, open, issued or dissolved")
            .WithDescription("Returns the merged group and its items (an item that left says when and why). A group that is unknown, or whose lead item the caller may not read, is answered 404.");
        api.MapDelete("/{groupId:guid}/items/{proposalId:guid}", (Guid groupId, Guid proposalId, string? reason, ClaimsPrincipal user, ChangeHandlingGroupHandler handler, HandlingGroupReadModel groups, CancellationToken cancellationToken) =>
                ChangeAsync(new GroupChange(groupId, proposalId, reason), user, handler, groups, cancellationToken))
            .WithName("RemoveItemFromHandlingGroup")
            .WithSummary("An item leaves its merged group before the group's draft is signed off and is handled on its own; a group down to one item ends")
            .WithDescription("Takes the item out of the open group, with an optional reason (query `reason`, at most 500 characters, else 400). An unknown group or an item not in it is answered 404; the lead item (dissolve the group instead) or a group whose draft is signed off with 409. Proposal office only.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapDelete("/{groupId:guid}", (Guid groupId, string? reason, ClaimsPrincipal user, ChangeHandlingGroupHandler handler, HandlingGroupReadModel groups, CancellationToken cancellationToken) =>
                ChangeAsync(new GroupChange(groupId, null, reason), user, handler, groups, cancellationToken))
            .WithName("DissolveHandlingGroup")
            .WithSummary("End a merged group before its draft is signed off: every item is handled on its own")
            .WithDescription("Dissolves the open group, with an optional reason (query `reason`, at most 500 characters, else 400). An unknown or closed group is answered 404, a group whose draft is signed off 409. Proposal office only.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Office);

        return app;
    }

    public static async Task<Results<Created<HandlingGroupView>, ValidationProblem, ProblemHttpResult>> FormAsync(
        GroupSubmission submission, ClaimsPrincipal user, FormHandlingGroupHandler handler, HandlingGroupReadModel groups, CancellationToken cancellationToken) =>
        await (await handler.HandleAsync(submission, user, cancellationToken)).ToHttpAsync(async id =>
            TypedResults.Created($"/api/replies/groups/{id}", HandlingGroupView.From((await groups.FindAsync(id, cancellationToken))!)));

    public static async Task<Ok<IReadOnlyList<HandlingGroupView>>> ListOpenAsync(string? unitCode, Caller caller, HandlingGroupReadModel groups, CancellationToken cancellationToken)
    {
        var rows = await groups.OpenAsync(caller.IsOffice ? unitCode?.Trim() : caller.UnitCode ?? "", cancellationToken);
        return TypedResults.Ok<IReadOnlyList<HandlingGroupView>>([.. rows.Select(HandlingGroupView.From)]);
    }

    public static async Task<Results<Ok<HandlingGroupView>, ProblemHttpResult>> GetAsync(
        Guid groupId, ClaimsPrincipal user, ItemGuard guard, HandlingGroupReadModel groups, CancellationToken cancellationToken)
    {
        // a group is as visible as its lead item: the office and the lead unit (and the lead's co-handlers) read it
        var group = await groups.FindAsync(groupId, cancellationToken);
        return group is null || !await guard.MayReadAsync(user, new ItemParties(group.UnitCode, []))
            ? TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "No such group.", Detail = $"Merged group {groupId} is unknown here, or not yours to see." })
            : TypedResults.Ok(HandlingGroupView.From(group));
    }

    private static async Task<Results<Ok<HandlingGroupView>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        GroupChange change, ClaimsPrincipal user, ChangeHandlingGroupHandler handler, HandlingGroupReadModel groups, CancellationToken cancellationToken) =>
        await (await handler.HandleAsync(change, user, cancellationToken)).ToHttpAsync(async id =>
            TypedResults.Ok(HandlingGroupView.From((await groups.FindAsync(id, cancellationToken))!)));
}
