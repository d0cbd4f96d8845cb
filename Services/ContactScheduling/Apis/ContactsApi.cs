using ProposalPlatform.Contracts.Identity;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProposalPlatform.ContactScheduling.Application;
using ProposalPlatform.ContactScheduling.Clients;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Apis;

/// <summary>An item's contact task and the handling unit's contacts: planned, moved, cancelled, done.</summary>
public static class ContactsApi
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        // the lead unit's handlers and head plan and record contacts; the office and co-handlers read
        var tasks = app.MapGroup("api/contacts/tasks").WithTags("Contacts")
            .RequireAuthorization(PlatformPolicies.Staff);

        tasks.MapGet("/{proposalId:guid}", GetTask)
            .WithName("GetContactTask")
            .WithSummary("An item's contact task (its current round) and every contact of it")
            .WithDescription("Returns the item's contact task, its current round and whether the round is complete, with every contact of it. An item that is unknown, not yet assigned or not the caller's to see is answered 404.");
        tasks.MapPost("/{proposalId:guid}/contacts", RecordContact)
            .WithName("RecordContact")
            .WithSummary("Record a contact after the fact; one in which the lead submitter was reached completes the round")
            .WithDescription("Records a contact with a submitter after the fact; one that reached the lead submitter completes the round, which publishes ContactCompleted. Only the lead unit's handlers and head record contacts (403 otherwise); an invalid contact or one before the round began is refused with 400, an unknown item with 404, a returned item or one whose submitters are not known yet with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapGet("/{proposalId:guid}/contacts", ListContacts)
            .WithName("ListContacts")
            .WithSummary("An item's contacts, each with its history (planned, rescheduled, cancelled, outcome)")
            .WithDescription("Lists the item's contacts, each with its history (planned, rescheduled, cancelled, outcome). An item that is unknown, not yet assigned or not the caller's to see is answered 404.");
        tasks.MapPost("/{proposalId:guid}/plans", PlanContact)
            .WithName("PlanContact")
            .WithSummary("Plan a contact (or entrust a visit to the district covering the submitter's place); refused when the handler or submitter is booked then")
            .WithDescription("Plans a contact with a submitter, or entrusts a visit to the customs district covering the submitter's place. Only the lead unit's handlers and head plan contacts (403 otherwise); an invalid plan is refused with 400, an unknown item with 404, a time at which the handler or the submitter is already booked or a returned item with 409, and a visit no district covers with 422.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var contacts = app.MapGroup("api/contacts").WithTags("Contacts")
            .RequireAuthorization(PlatformPolicies.Staff);

        contacts.MapGet("/calendar", GetCalendar)
            .WithName("GetContactCalendar")
            .WithSummary("A unit's planned contacts between two times: the planner's calendar, to see a clash before booking")
            .WithDescription("Lists the contacts planned (not yet held or cancelled) between `from` and `to` (at most 62 days apart) on the items a unit leads and the visits entrusted to it, the soonest first, with handler and submitter names and no contact details. A unit's handlers and head and a district's officers list their own unit's (403 for another); the office names any unit or none for all. Missing or invalid times are refused with 400 naming them.")
            .RequireAuthorization(PlatformPolicies.Staff);
        contacts.MapGet("/{contactId:guid}", GetContact)
            .WithName("GetContact")
            .WithSummary("One contact with its history")
            .WithDescription("Returns one contact with its history. An unknown contact and one the caller may not see are both answered 404.");
        contacts.MapPost("/{contactId:guid}/reschedule", RescheduleContact)
            .WithName("RescheduleContact")
            .WithSummary("Move a planned contact to a new time, with a reason; the old time stays in its history")
            .WithDescription("Moves a planned contact to a new time, with a reason; the old time stays in its history. Only the lead unit's handlers and head change contacts (403 otherwise); an invalid time or missing reason is refused with 400, an unknown contact with 404, a contact no longer planned or a clash with another planned contact with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        contacts.MapPost("/{contactId:guid}/cancel", CancelContact)
            .WithName("CancelContact")
            .WithSummary("Call off a planned contact, with a reason")
            .WithDescription("Calls off a planned contact, with a reason. Only the lead unit's handlers and head change contacts (403 otherwise); a missing reason is refused with 400, an unknown contact with 404, a contact no longer planned with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        contacts.MapPost("/{contactId:guid}/outcome", RecordOutcome)
            .WithName("RecordContactOutcome")
            .WithSummary("Record what came of a planned contact; reaching the lead submitter completes the round")
            .WithDescription("Records what came of a planned contact; reaching the lead submitter completes the round and publishes ContactCompleted. Only the lead unit's handlers and head record outcomes (403 otherwise), and a visit entrusted to a district is reported by the district; an invalid outcome is refused with 400, an unknown contact with 404, a contact whose outcome cannot be recorded now with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    public static async Task<Results<Ok<ContactTaskView>, ProblemHttpResult>> GetTask(
        Guid proposalId, ClaimsPrincipal user, ItemGuard guard, ContactRepository contacts, PlatformDatabase database, CancellationToken cancellationToken)
    {
        var found = await contacts.FindAsync(proposalId, cancellationToken);
        if (await guard.RefuseAsync(user, proposalId, found is { } f ? ContactItems.PartiesOf(f.Task) : null, ItemOperation.Read) is { } refusal)
        {
            return TypedResults.Problem(refusal);
        }

        return TypedResults.Ok(ContactTaskView.From(found!.Value.Task, found.Value.Contacts, await SubmitterRepository.FindAsync(database, proposalId, cancellationToken)));
    }

    public static async Task<Results<Ok<IReadOnlyList<ContactView>>, ProblemHttpResult>> ListContacts(
        Guid proposalId, ClaimsPrincipal user, ItemGuard guard, ContactRepository tasks, PlatformDatabase database, CancellationToken cancellationToken)
    {
        var task = await tasks.FindTaskAsync(proposalId, cancellationToken);
        if (await guard.RefuseAsync(user, proposalId, task is null ? null : ContactItems.PartiesOf(task), ItemOperation.Read) is { } refusal)
        {
            return TypedResults.Problem(refusal);
        }

        IReadOnlyList<ContactView> views = (await ContactStore.WithHistoryAsync(database, "proposal_id = @proposalId", new { proposalId }, cancellationToken))
            .Select(c => ContactView.From(c.Contact, c.Changes)).ToList();
        return TypedResults.Ok(views);
    }

    public const int MaxCalendarDays = 62;

    public static async Task<Results<Ok<IReadOnlyList<ContactView>>, ValidationProblem, ProblemHttpResult>> GetCalendar(
        DateTimeOffset? from, DateTimeOffset? to, string? unit, Caller caller, PlatformDatabase database, CancellationToken cancellationToken)
    {
        if (from is null || to is null)
        {
            return Problems.Invalid(from is null ? "from" : "to", "The calendar's window is from `from` to `to`, both times with an offset (e.g. 2026-03-02T00:00:00+08:00).");
        }

        if (to <= from || to - from > TimeSpan.FromDays(MaxCalendarDays))
        {
            return Problems.Invalid("to", $"`to` comes after `from`, at most {MaxCalendarDays} days later.");
        }

        unit = string.IsNullOrWhiteSpace(unit) ? (caller.IsOffice ? null : caller.UnitCode) : unit.Trim();
        if (!caller.IsOffice && (caller.UnitCode is null || unit is null || !ContactItems.SameUnit(caller.UnitCode, unit)))
        {
            return TypedResults.Problem(PlatformProblems.Forbidden(
                $"A unit's calendar is for its own staff and the {PlatformRoles.ProposalOffice}."));
        }

        IReadOnlyList<ContactView> planned = (await ContactStore.WhereAsync(
                database,
                """
                status = 'Planned' AND planned_start < @to AND planned_end > @from
                AND (@unit::text IS NULL OR upper(entrusted_unit_code) = upper(@unit)
                     OR proposal_id IN (SELECT proposal_id FROM contact_tasks WHERE upper(unit_code) = upper(@unit)))
                """,
                new { from, to, unit }, cancellationToken))
            .Select(c => ContactView.From(c)).ToList();
        return TypedResults.Ok(planned);
    }

    public static async Task<Results<Ok<ContactView>, ProblemHttpResult>> GetContact(
        Guid contactId, ClaimsPrincipal user, ItemGuard guard, ContactRepository tasks, PlatformDatabase database, CancellationToken cancellationToken)
    {
        var found = await ContactStore.WithHistoryAsync(database, "id = @contactId", new { contactId }, cancellationToken);
        if (found.Count != 1)
        {
            return TypedResults.Problem(Problems.NoContact(contactId));
        }

        var task = await tasks.FindTaskAsync(found[0].Contact.ProposalId, cancellationToken);
        var entrustedToCaller = found[0].Contact.EntrustedUnitCode is { } district && Caller.From(user).IsOf(district);
        if (!entrustedToCaller && (task is null || !await guard.MayShowAsync(user, task.ProposalId, ContactItems.PartiesOf(task))))
        {
            return TypedResults.Problem(Problems.NoContact(contactId));
        }

        return TypedResults.Ok(ContactView.From(found[0].Contact, found[0].Changes));
    }

    public static async Task<Results<Created<ContactView>, ValidationProblem, ProblemHttpResult>> RecordContact(
        Guid proposalId, ContactSubmission submission, ClaimsPrincipal user, RecordContactHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(proposalId, submission, user, cancellationToken)).ToHttp(Created);

    // PlanAsync asks the assignment service for an entrusted visit's district before the write path's transaction
    public static async Task<Results<Created<ContactView>, ValidationProblem, ProblemHttpResult>> PlanContact(
        Guid proposalId, ContactPlanRequest request, ClaimsPrincipal user, PlanContactHandler handler, AssignmentClient assignment,
        CancellationToken cancellationToken) =>
        (await handler.PlanAsync(proposalId, request, user, assignment, cancellationToken)).ToHttp(Created);

    public static async Task<Results<Ok<ContactView>, ValidationProblem, ProblemHttpResult>> RescheduleContact(
        Guid contactId, RescheduleRequest request, ClaimsPrincipal user, RescheduleContactHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(contactId, request, user, cancellationToken)).ToHttp(TypedResults.Ok);

    public static async Task<Results<Ok<ContactView>, ValidationProblem, ProblemHttpResult>> CancelContact(
        Guid contactId, CancelRequest request, ClaimsPrincipal user, CancelContactHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(contactId, request, user, cancellationToken)).ToHttp(TypedResults.Ok);

    public static async Task<Results<Ok<ContactView>, ValidationProblem, ProblemHttpResult>> RecordOutcome(
        Guid contactId, OutcomeRequest request, ClaimsPrincipal user, RecordContactOutcomeHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(contactId, request, user, cancellationToken)).ToHttp(TypedResults.Ok);

    private static Created<ContactView> Created(ContactView contact) => TypedResults.Created($"/api/contacts/{contact.Id}", contact);
}
