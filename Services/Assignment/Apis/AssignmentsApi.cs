using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProposalPlatform.Assignment.Application;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Infrastructure.Authorization;

namespace ProposalPlatform.Assignment.Apis;

/// <summary>
/// Assignments and what the proposal office does with them: reassign with a reason, return to the
/// assigning office inside the window, extend the reply deadline, manage co-handlers. A unit cannot pass
/// an item on by itself: these endpoints are the office's and record who acted.
/// </summary>
public static class AssignmentsApi
{
    public static IEndpointRouteBuilder MapAssignmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/assignment/assignments").WithTags("Assignments")
            .RequireAuthorization(PlatformPolicies.Staff);

        api.MapGet("/{proposalId:guid}", GetAssignment)
            .WithName("GetAssignment")
            .WithSummary("The unit an item is assigned to, its co-handlers and when its reply is due")
            .WithDescription("Returns the item's lead unit, its co-handlers with their opinion deadlines and its reply deadline. An item that is unknown, not yet assigned or not the caller's to see is answered 404.");
        api.MapGet("/{proposalId:guid}/history", GetHistory)
            .WithName("GetAssignmentHistory")
            .WithSummary("Who assigned the item to which unit, when and why")
            .WithDescription("Lists every assignment decision on the item, oldest first: routing, reassignments, returns, extensions and co-handlers, each with who decided, when and why. An item that is unknown, not yet assigned or not the caller's to see is answered 404.");
        api.MapPost("/{proposalId:guid}/reassign", Reassign)
            .WithName("ReassignProposal")
            .WithSummary("The proposal office gives the item to another lead unit, with a reason")
            .WithDescription("Moves the item to another lead unit, with a reason, and publishes ProposalReassigned. A missing unit or reason or an unknown unit is refused with 400, an unassigned item with 404, an item already with that unit or returned to the assigning office with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapPost("/{proposalId:guid}/return", Return)
            .WithName("ReturnProposal")
            .WithSummary("Return an item outside the body's remit to the assigning office, inside the return window")
            .WithDescription("Returns an item outside the body's remit to the assigning office, with the reasons, and publishes ProposalReturned; this is allowed only within the return window after assignment. A missing reason is refused with 400, an unassigned item with 404, an item already returned or past its return window with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapPost("/{proposalId:guid}/extend", Extend)
            .WithName("ExtendDeadline")
            .WithSummary("Move the reply deadline, at most 6 months after assignment, with a reason and an approver")
            .WithDescription("Moves the item's reply deadline, by months or to a date, with a reason; the caller is recorded as the approver and DeadlineExtended is published. A deadline past 3 months after assignment needs the lead unit's explanation of the progress to the submitter in this round first (progress-explanations), and this call is the office's approval of it. A deadline more than 6 months after assignment or a missing reason is refused with 400, an unassigned item with 404, an item returned or already replied to, or one past 3 months with no explanation, with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapPost("/{proposalId:guid}/progress-explanations", RecordProgressExplanation)
            .WithName("RecordProgressExplanation")
            .WithSummary("The lead unit records how it explained the item's progress to the submitter, which an extension past 3 months needs first")
            .WithDescription("Records how a handler or the head of the lead unit explained the item's progress to the submitter: the channel (Phone, Video, Visit, Meeting, Letter), the Beijing day (not in the future, not before assignment) and what was said; ProgressExplained is published. A missing or bad field is refused with 400 naming it, a caller of another unit with 404 (403 to one who may read the item), an item returned or already replied to with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{proposalId:guid}/co-handlers", AddCoHandler)
            .WithName("AddCoHandler")
            .WithSummary("Make a unit co-handler: it owes the lead unit a written opinion within 1 month of assignment")
            .WithDescription("Makes a unit co-handler of the item, with a reason: it owes the lead unit a written opinion within a month of assignment, and CoHandlingAssigned is published. A missing or unknown unit is refused with 400, an unassigned item with 404, the lead unit itself, a unit already co-handling or a returned item with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapPost("/{proposalId:guid}/co-handlers/{unitCode}/opinion", SubmitOpinion)
            .WithName("SubmitCoHandlingOpinion")
            .WithSummary("Record that a co-handling unit sent its written opinion to the lead unit")
            .WithDescription("Records the written opinion a co-handling unit sends the lead unit, and publishes CoHandlingOpinionSubmitted; a unit gives its own opinion only (403 otherwise). An empty or too long opinion is refused with 400, a unit that does not co-handle the item with 404, a second opinion with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    public static async Task<Results<Ok<AssignmentView>, ProblemHttpResult>> GetAssignment(
        Guid proposalId, ClaimsPrincipal user, ItemGuard guard, AssignmentRepository assignments, ReturnWindows windows, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await guard.RefuseAsync(user, proposalId, await assignments.PartiesAsync(proposalId, cancellationToken), ItemOperation.Read) is { } refusal)
        {
            return TypedResults.Problem(refusal);
        }

        var view = await ViewAsync(proposalId, assignments, windows, clock, cancellationToken);
        return view is null ? TypedResults.Problem(Problems.NotAssigned(proposalId)) : TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<IReadOnlyList<HistoryRow>>, ProblemHttpResult>> GetHistory(
        Guid proposalId, ClaimsPrincipal user, ItemGuard guard, AssignmentRepository assignments, CancellationToken cancellationToken)
    {
        if (await guard.RefuseAsync(user, proposalId, await assignments.PartiesAsync(proposalId, cancellationToken), ItemOperation.Read) is { } refusal)
        {
            return TypedResults.Problem(refusal);
        }

        var history = await assignments.HistoryAsync(proposalId, cancellationToken);
        return history.Count == 0 ? TypedResults.Problem(Problems.NotAssigned(proposalId)) : TypedResults.Ok(history);
    }

    public static async Task<Results<Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>> Reassign(
        Guid proposalId, ReassignRequest request, ClaimsPrincipal user, ReassignProposalHandler handler, AssignmentRepository assignments,
        ReturnWindows windows, TimeProvider clock, CancellationToken cancellationToken) =>
        await (await handler.HandleAsync(proposalId, request, user, cancellationToken)).ToHttpAsync(id => OkAsync(id, assignments, windows, clock, cancellationToken));

    public static async Task<Results<Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>> Return(
        Guid proposalId, ReturnRequest request, ClaimsPrincipal user, ReturnProposalHandler handler, AssignmentRepository assignments,
        ReturnWindows windows, TimeProvider clock, CancellationToken cancellationToken) =>
        await (await handler.HandleAsync(proposalId, request, user, cancellationToken)).ToHttpAsync(id => OkAsync(id, assignments, windows, clock, cancellationToken));

    public static async Task<Results<Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>> Extend(
        Guid proposalId, ExtendRequest request, ClaimsPrincipal user, ExtendDeadlineHandler handler, AssignmentRepository assignments,
        ReturnWindows windows, TimeProvider clock, CancellationToken cancellationToken) =>
        await (await handler.HandleAsync(proposalId, request, user, cancellationToken)).ToHttpAsync(id => OkAsync(id, assignments, windows, clock, cancellationToken));

    public static async Task<Results<Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>> RecordProgressExplanation(
        Guid proposalId, ProgressExplanationRequest request, ClaimsPrincipal user, RecordProgressExplanationHandler handler, AssignmentRepository assignments,
        ReturnWindows windows, TimeProvider clock, CancellationToken cancellationToken) =>
        await (await handler.HandleAsync(proposalId, request, user, cancellationToken)).ToHttpAsync(id => OkAsync(id, assignments, windows, clock, cancellationToken));

    public static async Task<Results<Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>> AddCoHandler(
        Guid proposalId, CoHandlerRequest request, ClaimsPrincipal user, AddCoHandlerHandler handler, AssignmentRepository assignments,
        ReturnWindows windows, TimeProvider clock, CancellationToken cancellationToken) =>
        await (await handler.HandleAsync(proposalId, request, user, cancellationToken)).ToHttpAsync(id => OkAsync(id, assignments, windows, clock, cancellationToken));

    public static async Task<Results<Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>> SubmitOpinion(
        Guid proposalId, string unitCode, OpinionRequest request, ClaimsPrincipal user, SubmitOpinionHandler handler, AssignmentRepository assignments,
        ReturnWindows windows, TimeProvider clock, CancellationToken cancellationToken) =>
        await (await handler.HandleAsync(proposalId, new CoHandlerOpinion(unitCode, request.Opinion), user, cancellationToken))
            .ToHttpAsync(id => OkAsync(id, assignments, windows, clock, cancellationToken));

    /// <summary>The assignment as a write left it, read after the commit.</summary>
    private static async Task<Ok<AssignmentView>> OkAsync(
        Guid proposalId, AssignmentRepository assignments, ReturnWindows windows, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok((await ViewAsync(proposalId, assignments, windows, clock, cancellationToken))!);

    private static async Task<AssignmentView?> ViewAsync(
        Guid proposalId, AssignmentRepository assignments, ReturnWindows windows, TimeProvider clock, CancellationToken cancellationToken)
    {
        var assignment = await assignments.FindAsync(proposalId, cancellationToken);
        if (assignment is null)
        {
            return null;
        }

        return AssignmentView.From(
            assignment,
            await assignments.CoHandlersAsync(proposalId, cancellationToken),
            await assignments.ExtensionsAsync(proposalId, cancellationToken),
            await assignments.ExplanationsAsync(proposalId, cancellationToken),
            await windows.DecideAsync(assignment, clock.GetUtcNow(), cancellationToken));
    }
}
