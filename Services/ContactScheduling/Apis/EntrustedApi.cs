using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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
            .WithSummary("The visits entrusted to a district, with their history")
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

        if (!caller.IsOffice && !SameUnit(own ?? "", district))
        {
            return Problems.NotYourDistrict(own ?? "(no unit)", district);
        }

        IReadOnlyList<ContactView> views = (await ContactStore.WithHistoryAsync(
                database, "upper(entrusted_unit_code) = upper(@district)", new { district }, cancellationToken))
            .Select(c => ContactView.From(c.Contact, c.Changes)).ToList();
        return TypedResults.Ok(views);
    }

    public static async Task<Results<Ok<ContactView>, ValidationProblem, ProblemHttpResult>> ScheduleVisit(
        Guid contactId,
        EntrustedScheduleRequest request,
        Caller caller,
        PlatformDatabase database,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (time, errors) = PlanRules.Validate(request, now);
        if (time is null)
        {
            return Problems.Invalid(errors, "The visit's schedule is not valid.");
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var (_, contact, problem) = await LockEntrustedAsync(work, contactId, caller, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (ContactTransitions.RefuseReschedule(contact!.State) is { } refusal)
        {
            return Problems.Refused(contactId, refusal);
        }

        var visitor = request.Visitor!.Trim();
        var candidate = new PlannedSlot(contact.Id, contact.ProposalId, visitor, contact.SubmitterName ?? "", time.Start, time.End);
        if (await ContactChanges.FindClashAsync(work, candidate, cancellationToken) is { } clash)
        {
            return Problems.Clashes(clash);
        }

        var moved = contact.PlannedStart != time.Start || contact.PlannedEnd != time.End;
        var change = new ContactChange(
            contact.Id, "DistrictScheduled", $"{caller.Name} ({contact.EntrustedUnitCode})", now, request.Reason?.Trim(),
            contact.PlannedStart, contact.PlannedEnd, time.Start, time.End);
        contact.PlannedStart = time.Start;
        contact.PlannedEnd = time.End;
        contact.Handler = visitor;
        await ContactStore.UpdateAsync(work, contact, cancellationToken);
        await ContactStore.AddChangeAsync(work, change, cancellationToken);
        await ContactChanges.PublishScheduledAsync(work, contact, visitor, rescheduled: moved, now, cancellationToken);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(ContactView.From(contact));
    }

    public static async Task<Results<Ok<ContactView>, ValidationProblem, ProblemHttpResult>> ReportVisit(
        Guid contactId,
        EntrustedReportRequest request,
        Caller caller,
        PlatformDatabase database,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (outcome, errors) = PlanRules.Validate(request, now);
        if (outcome is null)
        {
            return Problems.Invalid(errors, "The report is not valid.");
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var (task, contact, problem) = await LockEntrustedAsync(work, contactId, caller, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (ContactTransitions.RefuseOutcome(contact!.State, entrusted: true, byDistrict: true) is { } refusal)
        {
            return Problems.Refused(contactId, refusal);
        }

        contact.Status = nameof(ContactStatus.Done);
        contact.Round = task!.Round;
        contact.Outcome = (short)outcome.Outcome;
        contact.OccurredAt = outcome.OccurredAt;
        contact.Report = outcome.Notes;
        contact.ReportedByUnitCode = contact.EntrustedUnitCode;
        contact.Handler = request.Visitor?.Trim() ?? contact.Handler;
        await ContactStore.UpdateAsync(work, contact, cancellationToken);
        await ContactStore.AddChangeAsync(
            work,
            new ContactChange(contact.Id, "Reported", $"{caller.Name} ({contact.EntrustedUnitCode})", now, outcome.Outcome.ToString(), null, null, null, null),
            cancellationToken);
        await ContactChanges.PublishOutcomeAsync(work, task, contact, now, cancellationToken);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(ContactView.From(contact));
    }

    /// <summary>
    /// The entrusted visit, locked; 404 when it is unknown or not entrusted to the caller's district
    /// (another district's visit is not the caller's to know of), 409 as for any contact.
    /// </summary>
    private static async Task<(ContactTaskRecord? Task, ContactRow? Contact, ProblemHttpResult? Problem)> LockEntrustedAsync(
        UnitOfWork work, Guid contactId, Caller caller, CancellationToken cancellationToken)
    {
        return await ContactChanges.LockAsync(
            work,
            contactId,
            (_, contact) => Task.FromResult(contact.EntrustedUnitCode is { } district && SameUnit(caller.UnitCode ?? "", district) ? null : Problems.NoContact(contactId)),
            cancellationToken);
    }

    private static bool SameUnit(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
