using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.ContactScheduling.Apis;
using ProposalPlatform.ContactScheduling.Clients;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Application;

/// <summary>A contact the lead unit plans, with the district an entrusted visit goes to.</summary>
/// <param name="District">
/// The customs district covering the submitter's place, for an entrusted visit: looked up by
/// <see cref="PlanContactHandler.PlanAsync"/> before the transaction; null for any other channel.
/// </param>
public sealed record PlanContactCommand(ContactPlanRequest Plan, string? District);

/// <summary>
/// The lead unit plans a contact with a submitter, or entrusts a visit to the customs district covering
/// the submitter's place; refused when the handler or the submitter is booked then.
/// </summary>
public sealed class PlanContactHandler(WritePath path, ItemGuard guard, ContactRepository tasks, PlatformDatabase database, TimeProvider clock)
    : ItemWriteHandler<PlanContactCommand, ContactTaskRecord, ContactView>(path)
{
    public override string InvalidTitle => "The plan is not valid.";

    public override ItemOperation OperationFor(PlanContactCommand request) => ItemOperation.Handle;

    public override IDictionary<string, string[]> Validate(PlanContactCommand request, DateTimeOffset now) => PlanRules.Validate(request.Plan, now).Errors;

    /// <summary>
    /// Plans the contact: for an entrusted visit the assignment service is asked first which district
    /// covers the submitter's place (503 when it does not answer, 422 when none does), outside the write
    /// path's transaction, so no lock is held while another service answers; then the write path.
    /// </summary>
    /// <param name="assignment">A typed HTTP client, per call: a use case lives as long as the service.</param>
    public async Task<WriteOutcome<ContactView>> PlanAsync(
        Guid proposalId, ContactPlanRequest request, ClaimsPrincipal user, AssignmentClient assignment, CancellationToken cancellationToken)
    {
        var (district, refusal) = await DistrictForAsync(proposalId, request, user, assignment, cancellationToken);
        return refusal is not null
            ? WriteOutcome<ContactView>.Refused(refusal)
            : await HandleAsync(proposalId, new PlanContactCommand(request, district), user, cancellationToken);
    }

    public override Task<ContactTaskRecord?> LockAsync(UnitOfWork work, Guid itemId, PlanContactCommand request, CancellationToken cancellationToken) =>
        ContactRepository.LockTaskAsync(work, itemId, cancellationToken);

    public override ItemParties? PartiesOf(ContactTaskRecord target) => ContactItems.PartiesOf(target);

    public override async Task<WriteOutcome<ContactView>> ApplyAsync(WriteStep<PlanContactCommand, ContactTaskRecord> step, CancellationToken cancellationToken)
    {
        var (work, proposalId, task, command, caller, now) = step;
        var plan = PlanRules.Validate(command.Plan, now).Plan!;
        var submitters = await SubmitterRepository.FindAsync(work, proposalId, cancellationToken);
        if (submitters is null)
        {
            return WriteOutcome<ContactView>.Refused(Problems.SubmittersUnknown(proposalId));
        }

        if (submitters.Resolve(plan.SubmitterName) is not { } with)
        {
            return ContactItems.NotASubmitter<ContactView>(submitters);
        }

        var district = plan.Entrusted ? command.District : null;
        if (plan.Entrusted && district is null)
        {
            // not looked up: what stopped the lookup (the caller's access, the submitters) changed since; nothing is planned
            return WriteOutcome<ContactView>.Refused(Problems.DistrictsUnavailable());
        }

        if (task.ClosedAt is not null)
        {
            return WriteOutcome<ContactView>.Refused(Problems.Returned(task));
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
            return WriteOutcome<ContactView>.Refused(Problems.Clashes(clash));
        }

        await ContactStore.InsertAsync(work, row, cancellationToken);
        await ContactStore.AddChangeAsync(
            work,
            new ContactChange(row.Id, plan.Entrusted ? "Entrusted" : "Planned", caller.Name, now, district is null ? null : $"Entrusted to {district}", null, null, plan.Start, plan.End),
            cancellationToken);
        await ContactChanges.PublishScheduledAsync(work, row, row.Handler ?? caller.Name, rescheduled: false, now, cancellationToken);
        ContactAudit.NoteNew(step, row);
        return WriteOutcome<ContactView>.Done(ContactView.From(row));
    }

    /// <summary>
    /// The district an entrusted visit goes to, or the refusal of the lookup. Asked only for a valid
    /// entrusted visit that the caller may plan on the item, with one of its submitters: for anything
    /// else nothing is looked up (a stranger learns nothing of the submitter's place) and the write path
    /// gives its answer (400, 404, 403, 409) as it would have without a lookup. The write path authorizes
    /// again under the lock; this unlocked look only decides whether to ask.
    /// </summary>
    private async Task<(string? District, ProblemDetails? Refusal)> DistrictForAsync(
        Guid proposalId, ContactPlanRequest request, ClaimsPrincipal user, AssignmentClient assignment, CancellationToken cancellationToken)
    {
        if (PlanRules.Validate(request, clock.GetUtcNow()).Plan is not { Entrusted: true } plan
            || await tasks.FindTaskAsync(proposalId, cancellationToken) is not { } task
            || await guard.RefuseAsync(user, proposalId, ContactItems.PartiesOf(task), ItemOperation.Handle) is not null
            || await SubmitterRepository.FindAsync(database, proposalId, cancellationToken) is not { } submitters
            || submitters.Resolve(plan.SubmitterName) is null)
        {
            return (null, null);
        }

        var lookup = await assignment.DistrictForAsync(submitters.Province, submitters.City, cancellationToken);
        return lookup.Unavailable ? (null, Problems.DistrictsUnavailable())
            : lookup.DistrictCode is null ? (null, Problems.NoDistrictCovers(submitters))
            : (lookup.DistrictCode, null);
    }
}
