using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using ProposalPlatform.ContactScheduling.Clients;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Contracts.ContactScheduling;
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
        if (await guard.RefuseAsync(user, proposalId, found is { } f ? PartiesOf(f.Task) : null, ItemOperation.Read) is { } refusal)
        {
            return TypedResults.Problem(refusal);
        }

        return TypedResults.Ok(ContactTaskView.From(found!.Value.Task, found.Value.Contacts, await SubmitterRepository.FindAsync(database, proposalId, cancellationToken)));
    }

    public static async Task<Results<Ok<IReadOnlyList<ContactView>>, ProblemHttpResult>> ListContacts(
        Guid proposalId, ClaimsPrincipal user, ItemGuard guard, ContactRepository tasks, PlatformDatabase database, CancellationToken cancellationToken)
    {
        var found = await tasks.FindAsync(proposalId, cancellationToken);
        if (await guard.RefuseAsync(user, proposalId, found is { } f ? PartiesOf(f.Task) : null, ItemOperation.Read) is { } refusal)
        {
            return TypedResults.Problem(refusal);
        }

        IReadOnlyList<ContactView> views = (await ContactStore.WithHistoryAsync(database, "proposal_id = @proposalId", new { proposalId }, cancellationToken))
            .Select(c => ContactView.From(c.Contact, c.Changes)).ToList();
        return TypedResults.Ok(views);
    }

    public static async Task<Results<Ok<ContactView>, ProblemHttpResult>> GetContact(
        Guid contactId, ClaimsPrincipal user, ItemGuard guard, ContactRepository tasks, PlatformDatabase database, CancellationToken cancellationToken)
    {
        var found = await ContactStore.WithHistoryAsync(database, "id = @contactId", new { contactId }, cancellationToken);
        if (found.Count != 1)
        {
            return Problems.NoContact(contactId);
        }

        var task = await tasks.FindAsync(found[0].Contact.ProposalId, cancellationToken);
        var entrustedToCaller = found[0].Contact.EntrustedUnitCode is { } district && Caller.From(user).IsOf(district);
        if (!entrustedToCaller && (task is null || !await guard.MayReadAsync(user, PartiesOf(task.Value.Task))))
        {
            return Problems.NoContact(contactId);
        }

        return TypedResults.Ok(ContactView.From(found[0].Contact, found[0].Changes));
    }

    public static async Task<Results<Created<ContactView>, ValidationProblem, ProblemHttpResult>> RecordContact(
        Guid proposalId,
        ContactSubmission submission,
        Caller caller,
        ClaimsPrincipal user,
        ItemGuard guard,
        PlatformDatabase database,
        ContactRepository tasks,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await RefuseHandlingAsync(user, guard, tasks, proposalId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetUtcNow();
        var (contact, errors) = ContactRules.Validate(submission, now);
        if (contact is null)
        {
            return Problems.Invalid(errors, "The contact is not valid.");
        }

        // whom the contact was with: without a name, the lead submitter, even before the registration arrived
        var submitters = await SubmitterRepository.FindAsync(database, proposalId, cancellationToken);
        (string? Name, bool IsLead) with = (submitters?.LeadSubmitterName, true);
        if (contact.SubmitterName is not null)
        {
            if (submitters is null)
            {
                return Problems.SubmittersUnknown(proposalId);
            }

            if (submitters.Resolve(contact.SubmitterName) is not { } resolved)
            {
                return NotASubmitter(submitters);
            }

            with = resolved;
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var task = await ContactRepository.LockTaskAsync(work, proposalId, cancellationToken);
        if (task is null)
        {
            return Problems.NoTask(proposalId);
        }

        if (task.ClosedAt is not null)
        {
            return Problems.Returned(task);
        }

        if (contact.OccurredAt < task.RoundOpenedAt)
        {
            return Problems.Invalid(
                "occurredAt",
                task.Round == 1
                    ? $"A contact counts for the item from its assignment on; it was assigned at {task.OpenedAt:O}, after {contact.OccurredAt:O}."
                    : $"Round {task.Round} of the item began at {task.RoundOpenedAt:O}, after {contact.OccurredAt:O}; only a contact since then counts for it.",
                "The contact is not valid.");
        }

        var row = new ContactRow
        {
            Id = NewId.NextGuid(),
            ProposalId = proposalId,
            Status = nameof(ContactStatus.Done),
            Round = task.Round,
            Channel = (short)contact.Channel,
            OccurredAt = contact.OccurredAt,
            Outcome = (short)contact.Outcome,
            Handler = contact.Handler,
            SubmitterName = with.Name,
            WithLeadSubmitter = with.IsLead,
            Notes = contact.Notes,
            RecordedAt = now,
        };
        await ContactStore.InsertAsync(work, row, cancellationToken);
        await ContactStore.AddChangeAsync(work, new ContactChange(row.Id, "Recorded", caller.Name, now, null, null, null, null, null), cancellationToken);
        await ContactChanges.PublishOutcomeAsync(work, task, row, now, cancellationToken);

        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/contacts/{row.Id}", ContactView.From(row));
    }

    public static async Task<Results<Created<ContactView>, ValidationProblem, ProblemHttpResult>> PlanContact(
        Guid proposalId,
        ContactPlanRequest request,
        Caller caller,
        ClaimsPrincipal user,
        ItemGuard guard,
        PlatformDatabase database,
        ContactRepository tasks,
        AssignmentClient assignment,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await RefuseHandlingAsync(user, guard, tasks, proposalId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetUtcNow();
        var (plan, errors) = PlanRules.Validate(request, now);
        if (plan is null)
        {
            return Problems.Invalid(errors, "The plan is not valid.");
        }

        var submitters = await SubmitterRepository.FindAsync(database, proposalId, cancellationToken);
        if (submitters is null)
        {
            return await tasks.FindAsync(proposalId, cancellationToken) is not null ? Problems.SubmittersUnknown(proposalId) : Problems.NoTask(proposalId);
        }

        if (submitters.Resolve(plan.SubmitterName) is not { } with)
        {
            return NotASubmitter(submitters);
        }

        // asked before the transaction: no lock is held while another service answers
        string? district = null;
        if (plan.Entrusted)
        {
            var lookup = await assignment.DistrictForAsync(submitters.Province, submitters.City, cancellationToken);
            if (lookup.Unavailable)
            {
                return Problems.Status(
                    StatusCodes.Status503ServiceUnavailable,
                    "The districts cannot be looked up now.",
                    "The assignment service, which knows which district covers which place, did not answer; nothing was planned. Try again shortly.");
            }

            district = lookup.DistrictCode;
            if (district is null)
            {
                return Problems.Status(
                    StatusCodes.Status422UnprocessableEntity,
                    "No district covers the submitter's place.",
                    $"No customs district covers {submitters.Province} {submitters.City}, where the submitter lives: the visit cannot be entrusted. Plan another channel.");
            }
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var task = await ContactRepository.LockTaskAsync(work, proposalId, cancellationToken);
        if (task is null)
        {
            return Problems.NoTask(proposalId);
        }

        if (task.ClosedAt is not null)
        {
            return Problems.Returned(task);
        }

        var row = new ContactRow
        {
            Id = NewId.NextGuid(),
            ProposalId = proposalId,
            Status = nameof(ContactStatus.Planned),
            Round = task.Round,
            Channel = (short)plan.Channel,
            PlannedStart = plan.Start,
            PlannedEnd = plan.End,
            // an entrusted visit's handler is the district's visitor, named when the district schedules it
            Handler = plan.Entrusted ? null : plan.Handler,
            SubmitterName = with.Name,
            WithLeadSubmitter = with.IsLead,
            EntrustedUnitCode = district,
            RecordedAt = now,
        };

        if (await ContactChanges.FindClashAsync(work, new PlannedSlot(row.Id, proposalId, row.Handler, with.Name, plan.Start, plan.End), cancellationToken) is { } clash)
        {
            return Problems.Clashes(clash);
        }

        await ContactStore.InsertAsync(work, row, cancellationToken);
        await ContactStore.AddChangeAsync(
            work,
            new ContactChange(row.Id, plan.Entrusted ? "Entrusted" : "Planned", caller.Name, now, district is null ? null : $"Entrusted to {district}", null, null, plan.Start, plan.End),
            cancellationToken);
        await ContactChanges.PublishScheduledAsync(work, row, row.Handler ?? caller.Name, rescheduled: false, now, cancellationToken);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/contacts/{row.Id}", ContactView.From(row));
    }

    public static async Task<Results<Ok<ContactView>, ValidationProblem, ProblemHttpResult>> RescheduleContact(
        Guid contactId, RescheduleRequest request, Caller caller, ClaimsPrincipal user, ItemGuard guard, PlatformDatabase database, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (time, errors) = PlanRules.Validate(request, now);
        if (time is null)
        {
            return Problems.Invalid(errors, "The new time is not valid.");
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var (task, contact, problem) = await ContactChanges.LockAsync(work, contactId, (task, _) => RefuseAsync(user, guard, task, ItemOperation.Handle), cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var refusal = ContactTransitions.RefuseReschedule(contact!.State)
            ?? ContactTransitions.RefuseSameTime(contact.PlannedStart!.Value, contact.PlannedEnd!.Value, time.Start, time.End);
        if (refusal is not null)
        {
            return Problems.Refused(contactId, refusal);
        }

        var candidate = new PlannedSlot(contact.Id, contact.ProposalId, contact.Handler, contact.SubmitterName ?? "", time.Start, time.End);
        if (await ContactChanges.FindClashAsync(work, candidate, cancellationToken) is { } clash)
        {
            return Problems.Clashes(clash);
        }

        var change = new ContactChange(contact.Id, "Rescheduled", caller.Name, now, request.Reason!.Trim(), contact.PlannedStart, contact.PlannedEnd, time.Start, time.End);
        contact.PlannedStart = time.Start;
        contact.PlannedEnd = time.End;
        await ContactStore.UpdateAsync(work, contact, cancellationToken);
        await ContactStore.AddChangeAsync(work, change, cancellationToken);
        await ContactChanges.PublishScheduledAsync(work, contact, contact.Handler ?? change.By, rescheduled: true, now, cancellationToken);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(ContactView.From(contact));
    }

    public static async Task<Results<Ok<ContactView>, ValidationProblem, ProblemHttpResult>> CancelContact(
        Guid contactId, CancelRequest request, Caller caller, ClaimsPrincipal user, ItemGuard guard, PlatformDatabase database, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = PlanRules.Validate(request);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "The cancellation is not valid.");
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var (_, contact, problem) = await ContactChanges.LockAsync(work, contactId, (task, _) => RefuseAsync(user, guard, task, ItemOperation.Handle), cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (ContactTransitions.RefuseCancel(contact!.State) is { } refusal)
        {
            return Problems.Refused(contactId, refusal);
        }

        var (reason, by) = (request.Reason!.Trim(), caller.Name);
        contact.Status = nameof(ContactStatus.Cancelled);
        contact.CancelledReason = reason;
        await ContactStore.UpdateAsync(work, contact, cancellationToken);
        await ContactStore.AddChangeAsync(work, new ContactChange(contact.Id, "Cancelled", by, now, reason, contact.PlannedStart, contact.PlannedEnd, null, null), cancellationToken);
        await work.PublishAsync(new ContactCancelled(contact.ProposalId, contact.Id, reason, by, now), cancellationToken);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(ContactView.From(contact));
    }

    public static async Task<Results<Ok<ContactView>, ValidationProblem, ProblemHttpResult>> RecordOutcome(
        Guid contactId, OutcomeRequest request, Caller caller, ClaimsPrincipal user, ItemGuard guard, PlatformDatabase database, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (outcome, errors) = PlanRules.Validate(request, now);
        if (outcome is null)
        {
            return Problems.Invalid(errors, "The outcome is not valid.");
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var (task, contact, problem) = await ContactChanges.LockAsync(work, contactId, (task, _) => RefuseAsync(user, guard, task, ItemOperation.Handle), cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (ContactTransitions.RefuseOutcome(contact!.State, entrusted: contact.EntrustedUnitCode is not null, byDistrict: false) is { } refusal)
        {
            return Problems.Refused(contactId, refusal);
        }

        contact.Status = nameof(ContactStatus.Done);
        contact.Round = task!.Round;
        contact.Outcome = (short)outcome.Outcome;
        contact.OccurredAt = outcome.OccurredAt;
        contact.Notes = outcome.Notes;
        await ContactStore.UpdateAsync(work, contact, cancellationToken);
        await ContactStore.AddChangeAsync(
            work, new ContactChange(contact.Id, "OutcomeRecorded", caller.Name, now, outcome.Outcome.ToString(), null, null, null, null), cancellationToken);
        await ContactChanges.PublishOutcomeAsync(work, task, contact, now, cancellationToken);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(ContactView.From(contact));
    }

    /// <summary>What contact scheduling knows of who may see and handle an item: the unit its contact task belongs to.</summary>
    public static ItemParties PartiesOf(ContactTaskRecord task) => new(task.UnitCode, []);

    public static async Task<ProblemHttpResult?> RefuseAsync(ClaimsPrincipal user, ItemGuard guard, ContactTaskRecord task, ItemOperation operation) =>
        await guard.RefuseAsync(user, task.ProposalId, PartiesOf(task), operation) is { } refusal ? TypedResults.Problem(refusal) : null;

    private static async Task<ProblemHttpResult?> RefuseHandlingAsync(
        ClaimsPrincipal user, ItemGuard guard, ContactRepository tasks, Guid proposalId, CancellationToken cancellationToken)
    {
        var found = await tasks.FindAsync(proposalId, cancellationToken);
        return await guard.RefuseAsync(user, proposalId, found is { } f ? PartiesOf(f.Task) : null, ItemOperation.Handle) is { } refusal
            ? TypedResults.Problem(refusal)
            : null;
    }

    private static ValidationProblem NotASubmitter(ItemSubmitters submitters) => Problems.Invalid(
        "submitterName",
        $"Not a submitter of the item: the lead submitter is {submitters.LeadSubmitterName}"
        + (submitters.CoSignerNames.Count > 0 ? $", the co-signers are {string.Join(", ", submitters.CoSignerNames)}." : " and there are no co-signers."));
}
