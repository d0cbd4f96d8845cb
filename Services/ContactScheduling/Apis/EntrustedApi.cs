using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Apis;

/// <summary>
/// Visits entrusted to customs districts: a district sees its tasks, fixes when and by whom it visits,
/// and reports back. With the gateway's <c>X-Unit-Code</c> header (a district's own credentials) a
/// district sees and acts on its own tasks only.
/// </summary>
public static class EntrustedApi
{
    public static IEndpointRouteBuilder MapEntrustedApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/contacts/entrusted").WithTags("Entrusted visits");

        api.MapGet("/", ListEntrusted)
            .WithName("ListEntrustedVisits")
            .WithSummary("The visits entrusted to a district, with their history");
        api.MapPost("/{contactId:guid}/schedule", ScheduleVisit)
            .WithName("ScheduleEntrustedVisit")
            .WithSummary("The district fixes the time of an entrusted visit and who makes it");
        api.MapPost("/{contactId:guid}/report", ReportVisit)
            .WithName("ReportEntrustedVisit")
            .WithSummary("The district reports the visit: its outcome and report come back to the item as the contact's outcome");

        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<ContactView>>, ValidationProblem, ProblemHttpResult>> ListEntrusted(
        PlatformDatabase database,
        CancellationToken cancellationToken,
        [FromQuery] string? district = null,
        [FromHeader(Name = Problems.UnitCodeHeader)] string? unitCode = null)
    {
        district = string.IsNullOrWhiteSpace(district) ? unitCode?.Trim() : district.Trim();
        if (string.IsNullOrWhiteSpace(district))
        {
            return Problems.Invalid("district", "Name the district whose entrusted visits to list (?district=CODE).");
        }

        if (!string.IsNullOrWhiteSpace(unitCode) && !SameUnit(unitCode, district))
        {
            return Problems.NotYourDistrict(unitCode.Trim(), district);
        }

        IReadOnlyList<ContactView> views = (await ContactStore.WithHistoryAsync(
                database, "upper(entrusted_unit_code) = upper(@district)", new { district }, cancellationToken))
            .Select(c => ContactView.From(c.Contact, c.Changes)).ToList();
        return TypedResults.Ok(views);
    }

    public static async Task<Results<Ok<ContactView>, ValidationProblem, ProblemHttpResult>> ScheduleVisit(
        Guid contactId,
        EntrustedScheduleRequest request,
        PlatformDatabase database,
        TimeProvider clock,
        CancellationToken cancellationToken,
        [FromHeader(Name = Problems.UnitCodeHeader)] string? unitCode = null)
    {
        var now = clock.GetUtcNow();
        var (time, errors) = PlanRules.Validate(request, now);
        if (time is null)
        {
            return Problems.Invalid(errors, "The visit's schedule is not valid.");
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var (_, contact, problem) = await LockEntrustedAsync(work, contactId, unitCode, cancellationToken);
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
            contact.Id, "DistrictScheduled", $"{visitor} ({contact.EntrustedUnitCode})", now, request.Reason?.Trim(),
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
        PlatformDatabase database,
        TimeProvider clock,
        CancellationToken cancellationToken,
        [FromHeader(Name = Problems.UnitCodeHeader)] string? unitCode = null)
    {
        var now = clock.GetUtcNow();
        var (outcome, errors) = PlanRules.Validate(request, now);
        if (outcome is null)
        {
            return Problems.Invalid(errors, "The report is not valid.");
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var (task, contact, problem) = await LockEntrustedAsync(work, contactId, unitCode, cancellationToken);
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
            new ContactChange(contact.Id, "Reported", $"{contact.Handler ?? "?"} ({contact.EntrustedUnitCode})", now, outcome.Outcome.ToString(), null, null, null, null),
            cancellationToken);
        await ContactChanges.PublishOutcomeAsync(work, task, contact, now, cancellationToken);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(ContactView.From(contact));
    }

    /// <summary>The entrusted visit, locked; 404/409 as for any contact, 409 when it is not entrusted, 403 when it is another district's.</summary>
    private static async Task<(ContactTaskRecord? Task, ContactRow? Contact, ProblemHttpResult? Problem)> LockEntrustedAsync(
        UnitOfWork work, Guid contactId, string? unitCode, CancellationToken cancellationToken)
    {
        var (task, contact, problem) = await ContactChanges.LockAsync(work, contactId, cancellationToken);
        if (problem is not null)
        {
            return (null, null, problem);
        }

        if (contact!.EntrustedUnitCode is null)
        {
            return (null, null, Problems.Refused(contactId, "it is not an entrusted visit: its unit plans and records it."));
        }

        if (!string.IsNullOrWhiteSpace(unitCode) && !SameUnit(unitCode, contact.EntrustedUnitCode))
        {
            return (null, null, Problems.NotYourDistrict(unitCode.Trim(), contact.EntrustedUnitCode));
        }

        return (task, contact, null);
    }

    private static bool SameUnit(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
