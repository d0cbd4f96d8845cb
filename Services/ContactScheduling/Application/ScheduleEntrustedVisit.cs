using ProposalPlatform.ContactScheduling.Apis;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Infrastructure.Application;

namespace ProposalPlatform.ContactScheduling.Application;

/// <summary>The district a visit is entrusted to fixes its time and who from the district makes it.</summary>
public sealed class ScheduleEntrustedVisitHandler(WritePath path) : EntrustedVisitWriteHandler<EntrustedScheduleRequest>(path)
{
    public override string InvalidTitle => "The visit's schedule is not valid.";

    public override IDictionary<string, string[]> Validate(EntrustedScheduleRequest request, DateTimeOffset now) => PlanRules.Validate(request, now).Errors;

    protected override async Task<WriteOutcome<ContactView>> ChangeAsync(
        WriteStep<EntrustedScheduleRequest, LockedContact> step, CancellationToken cancellationToken)
    {
        var (work, contactId, (_, contact), request, caller, now) = step;
        if (ContactTransitions.RefuseReschedule(contact.State) is { } refusal)
        {
            return WriteOutcome<ContactView>.Refused(Problems.Refused(contactId, refusal));
        }

        var time = PlanRules.Validate(request, now).Time!;
        var visitor = request.Visitor!.Trim();
        var candidate = new PlannedSlot(contact.Id, contact.ProposalId, visitor, contact.SubmitterName ?? "", time.Start, time.End);
        if (await ContactChanges.FindClashAsync(work, candidate, cancellationToken) is { } clash)
        {
            return WriteOutcome<ContactView>.Refused(Problems.Clashes(clash));
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
        return WriteOutcome<ContactView>.Done(ContactView.From(contact));
    }
}
