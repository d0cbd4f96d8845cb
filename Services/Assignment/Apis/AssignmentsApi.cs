using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Assignment.Apis;

/// <summary>
/// Assignments and what the proposal office does with them: reassign with a reason, return to the
/// assigning office inside the window, extend the reply deadline, manage co-handlers. A unit cannot pass
/// an item on by itself: these endpoints are the office's and record who acted.
/// </summary>
public static class AssignmentsApi
{
    public const int MaxOpinionLength = 50_000;

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
            .WithDescription("Moves the item's reply deadline, by months or to a date, with a reason; the caller is recorded as the approver and DeadlineExtended is published. A deadline more than 6 months after assignment or a missing reason is refused with 400, an unassigned item with 404, an item returned or already replied to with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Office);
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
        Guid proposalId, ClaimsPrincipal user, ItemGuard guard, AssignmentRepository assignments, IOptions<AssignmentOptions> options, CancellationToken cancellationToken)
    {
        if (await guard.RefuseAsync(user, proposalId, await assignments.PartiesAsync(proposalId, cancellationToken), ItemOperation.Read) is { } refusal)
        {
            return TypedResults.Problem(refusal);
        }

        var view = await ViewAsync(proposalId, assignments, options.Value, cancellationToken);
        return view is null ? Problems.NotAssigned(proposalId) : TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<IReadOnlyList<HistoryRow>>, ProblemHttpResult>> GetHistory(
        Guid proposalId, ClaimsPrincipal user, ItemGuard guard, AssignmentRepository assignments, CancellationToken cancellationToken)
    {
        if (await guard.RefuseAsync(user, proposalId, await assignments.PartiesAsync(proposalId, cancellationToken), ItemOperation.Read) is { } refusal)
        {
            return TypedResults.Problem(refusal);
        }

        var history = await assignments.HistoryAsync(proposalId, cancellationToken);
        return history.Count == 0 ? Problems.NotAssigned(proposalId) : TypedResults.Ok(history);
    }

    public static async Task<Results<Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>> Reassign(
        Guid proposalId, ReassignRequest request, Caller caller, PlatformDatabase database, AssignmentRepository assignments,
        TimeProvider clock, IOptions<AssignmentOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        Problems.Require(errors, "unitCode", request.UnitCode, "Name the unit the item goes to.");
        Problems.Require(errors, "reason", request.Reason, "A reassignment needs a reason.");
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The reassignment is not valid.");
        }

        var now = clock.GetUtcNow();
        await using (var work = await database.BeginAsync(cancellationToken))
        {
            var (loaded, refusal) = await LoadForUnitActionAsync(work, proposalId, request.UnitCode!, "The reassignment is not valid.", cancellationToken);
            if (loaded is not { } found)
            {
                return refusal!;
            }

            var (current, target) = found;

            if (target.Code == current.UnitCode)
            {
                return Problems.Conflict("The item is already with that unit.", $"Item {proposalId} is already assigned to {target.Code} ({target.Name}).");
            }

            await AssignmentRepository.ReassignAsync(work, proposalId, target.Code, cancellationToken);
            await AssignmentRepository.AddHistoryAsync(
                work, proposalId, "Reassigned", current.UnitCode, target.Code, request.Reason!.Trim(), caller.Name, now, cancellationToken);
            await work.PublishAsync(new ProposalReassigned(
                proposalId, current.UnitCode, target.Code, target.Name, request.Reason.Trim(), caller.Name, now), cancellationToken);
            await work.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok((await ViewAsync(proposalId, assignments, options.Value, cancellationToken))!);
    }

    public static async Task<Results<Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>> Return(
        Guid proposalId, ReturnRequest request, Caller caller, PlatformDatabase database, AssignmentRepository assignments,
        TimeProvider clock, IOptions<AssignmentOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        Problems.Require(errors, "reason", request.Reason, "A return needs the reasons the item is outside the body's remit.");
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The return is not valid.");
        }

        var now = clock.GetUtcNow();
        await using (var work = await database.BeginAsync(cancellationToken))
        {
            var current = await AssignmentRepository.FindAsync(work, proposalId, lockRow: true, cancellationToken);
            if (current is null)
            {
                return Problems.NotAssigned(proposalId);
            }

            if (current.Status == AssignmentRepository.Returned)
            {
                return Problems.AlreadyReturned(proposalId);
            }

            var decision = Returns.Decide(current.ClockStartedAt, now, options.Value.ReturnWindowDays);
            if (!decision.Allowed)
            {
                return Problems.Conflict("The return window has closed.", decision.RefusalDetail, new Dictionary<string, object?>
                {
                    ["windowClosedOn"] = decision.ClosedOn,
                    ["windowClosedAt"] = decision.WindowClosesAt,
                });
            }

            await AssignmentRepository.ReturnAsync(work, proposalId, request.Reason!.Trim(), caller.Name, now, cancellationToken);
            await AssignmentRepository.AddHistoryAsync(
                work, proposalId, "Returned", current.UnitCode, null, request.Reason.Trim(), caller.Name, now, cancellationToken);
            await work.PublishAsync(new ProposalReturned(proposalId, current.UnitCode, request.Reason.Trim(), caller.Name, now), cancellationToken);
            await work.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok((await ViewAsync(proposalId, assignments, options.Value, cancellationToken))!);
    }

    public static async Task<Results<Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>> Extend(
        Guid proposalId, ExtendRequest request, Caller caller, PlatformDatabase database, AssignmentRepository assignments,
        TimeProvider clock, IOptions<AssignmentOptions> options, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var work = await database.BeginAsync(cancellationToken))
        {
            var current = await AssignmentRepository.FindAsync(work, proposalId, lockRow: true, cancellationToken);
            if (current is null)
            {
                return Problems.NotAssigned(proposalId);
            }

            if (current.Status == AssignmentRepository.Returned)
            {
                return Problems.AlreadyReturned(proposalId);
            }

            if (current.RepliedAt is not null)
            {
                return Problems.Conflict("The item was replied to.", $"Item {proposalId} was replied to on {current.RepliedAt:O}: its deadline is met.");
            }

            var (newDueAt, errors) = DeadlineExtensions.Decide(
                current.ClockStartedAt, current.DueAt, request.NewDueAt, request.Months, request.Reason, caller.Name);
            if (newDueAt is null)
            {
                return TypedResults.ValidationProblem(errors, title: "The extension is not valid.");
            }

            var reason = request.Reason!.Trim();
            var approvedBy = caller.Name;
            await AssignmentRepository.ExtendAsync(work, proposalId, current.DueAt, newDueAt.Value, reason, approvedBy, now, cancellationToken);
            await AssignmentRepository.AddHistoryAsync(work, proposalId, "Extended", current.UnitCode, current.UnitCode, reason, approvedBy, now, cancellationToken);
            await work.PublishAsync(new DeadlineExtended(proposalId, current.UnitCode, current.DueAt, newDueAt.Value, reason, approvedBy, now), cancellationToken);
            await work.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok((await ViewAsync(proposalId, assignments, options.Value, cancellationToken))!);
    }

    public static async Task<Results<Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>> AddCoHandler(
        Guid proposalId, CoHandlerRequest request, Caller caller, PlatformDatabase database, AssignmentRepository assignments,
        TimeProvider clock, IOptions<AssignmentOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        Problems.Require(errors, "unitCode", request.UnitCode, "Name the co-handling unit.");
        Problems.Require(errors, "reason", request.Reason, "Adding a co-handler needs a reason.");
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The co-handler is not valid.");
        }

        var now = clock.GetUtcNow();
        await using (var work = await database.BeginAsync(cancellationToken))
        {
            var (loaded, refusal) = await LoadForUnitActionAsync(work, proposalId, request.UnitCode!, "The co-handler is not valid.", cancellationToken);
            if (loaded is not { } found)
            {
                return refusal!;
            }

            var (current, unit) = found;

            if (unit.Code == current.UnitCode)
            {
                return Problems.Conflict("The unit leads the item.", $"{unit.Code} is the lead unit of item {proposalId}; it cannot also co-handle it.");
            }

            var added = await AssignmentRepository.AddCoHandlersAsync(
                work, proposalId, [unit.Code], now, Deadlines.CoHandlingOpinionDue(current.ClockStartedAt), cancellationToken);
            if (added.Count == 0)
            {
                return Problems.Conflict("The unit already co-handles the item.", $"{unit.Code} already co-handles item {proposalId}.");
            }

            await AssignmentRepository.AddHistoryAsync(
                work, proposalId, "CoHandlingAssigned", null, unit.Code, request.Reason!.Trim(), caller.Name, now, cancellationToken);
            await work.PublishAsync(new CoHandlingAssigned(proposalId, current.UnitCode, unit.Code, unit.Name, now, added[0].DueAt), cancellationToken);
            await work.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok((await ViewAsync(proposalId, assignments, options.Value, cancellationToken))!);
    }

    public static async Task<Results<Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>> SubmitOpinion(
        Guid proposalId, string unitCode, OpinionRequest request, Caller caller, ClaimsPrincipal user, ItemGuard guard,
        PlatformDatabase database, AssignmentRepository assignments, TimeProvider clock, IOptions<AssignmentOptions> options, CancellationToken cancellationToken)
    {
        if (await guard.RefuseAsync(user, proposalId, await assignments.PartiesAsync(proposalId, cancellationToken), ItemOperation.Opinion) is { } refusal)
        {
            return TypedResults.Problem(refusal);
        }

        if (!caller.WorksFor(unitCode))
        {
            return Problems.Forbidden($"{caller.UnitCode} may give its own opinion, not {unitCode}'s.");
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Opinion))
        {
            errors["opinion"] = ["The written opinion is required: the lead unit attaches it to its draft reply."];
        }
        else if (request.Opinion.Length > MaxOpinionLength)
        {
            errors["opinion"] = [$"At most {MaxOpinionLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The opinion is not valid.");
        }

        var now = clock.GetUtcNow();
        await using (var work = await database.BeginAsync(cancellationToken))
        {
            if (!await AssignmentRepository.SubmitOpinionAsync(work, proposalId, unitCode, caller.Name, request.Opinion!.Trim(), now, cancellationToken))
            {
                var coHandlers = await assignments.CoHandlersAsync(proposalId, cancellationToken);
                return coHandlers.Any(c => c.UnitCode == unitCode)
                    ? Problems.Conflict("The opinion was already sent.", $"{unitCode} already sent its opinion on item {proposalId}.")
                    : Problems.NotFound("No such co-handler.", $"{unitCode} does not co-handle item {proposalId}.");
            }

            await work.PublishAsync(new CoHandlingOpinionSubmitted(proposalId, unitCode, caller.Name, now, request.Opinion.Trim()), cancellationToken);
            await work.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok((await ViewAsync(proposalId, assignments, options.Value, cancellationToken))!);
    }

    /// <summary>
    /// What an office action that names a unit (reassigning, adding a co-handler) works on: the item's
    /// assignment, locked, and the unit — or why the action cannot go ahead.
    /// </summary>
    private static async Task<((AssignmentRow Current, HandlingUnit Unit)? Loaded, Results<Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>? Refusal)>
        LoadForUnitActionAsync(UnitOfWork work, Guid proposalId, string unitCode, string invalidTitle, CancellationToken cancellationToken)
    {
        var current = await AssignmentRepository.FindAsync(work, proposalId, lockRow: true, cancellationToken);
        if (current is null)
        {
            return (null, Problems.NotAssigned(proposalId));
        }

        if (current.Status == AssignmentRepository.Returned)
        {
            return (null, Problems.AlreadyReturned(proposalId));
        }

        var unit = await UnitRepository.FindAsync(work, unitCode.Trim(), cancellationToken);
        if (unit is null)
        {
            return (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["unitCode"] = [$"'{unitCode}' is not a unit."] }, title: invalidTitle));
        }

        return ((current, unit), null);
    }

    private static async Task<AssignmentView?> ViewAsync(
        Guid proposalId, AssignmentRepository assignments, AssignmentOptions options, CancellationToken cancellationToken)
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
            options.ReturnWindowDays);
    }
}
