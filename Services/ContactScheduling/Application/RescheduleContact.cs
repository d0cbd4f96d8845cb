using ProposalPlatform.ContactScheduling.Apis;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Infrastructure.Application;

namespace ProposalPlatform.ContactScheduling.Application;

/// <summary>The lead unit moves a planned contact to a new time, with a reason; the old time stays in its history.</summary>
public sealed class RescheduleContactHandler(WritePath path) : ContactWriteHandler<RescheduleRequest>(path)
{
    public override string InvalidTitle => "The new time is not valid.";

    public override IDictionary<string, string[]> Validate(RescheduleRequest request, DateTimeOffset now) => PlanRules.Validate(request, now).Errors;

    protected override async Task<WriteOutcome<ContactView>> ChangeAsync(WriteStep<RescheduleRequest, LockedContact> step, CancellationToken cancellationToken)
    {
        var (work, contactId, (_, contact), request, caller, now) = step;
        var time = PlanRules.Validate(request, now).Time!;
        var refusal = ContactTransitions.RefuseReschedule(contact.State)
            ?? ContactTransitions.RefuseSameTime(contact.PlannedStart!.Value, contact.PlannedEnd!.Value, time.Start, time.End);
        if (refusal is not null)
        {
            return WriteOutcome<ContactView>.Refused(Problems.Refused(contactId, refusal));
        }

        var candidate = new PlannedSlot(contact.Id, contact.ProposalId, contact.Handler, contact.SubmitterName ?? "", time.Start, time.End);
        if (await ContactChanges.FindClashAsync(work, candidate, cancellationToken) is { } clash)
        {
            return WriteOutcome<ContactView>.Refused(Problems.Clashes(clash));
        }

        var change = new ContactChange(contact.Id, "Rescheduled", caller.Name, now, request.Reason!.Trim(), contact.PlannedStart, contact.PlannedEnd, time.Start, time.End);
        contact.PlannedStart = time.Start;
        contact.PlannedEnd = time.End;
        await ContactStore.UpdateAsync(work, contact, cancellationToken);
        await ContactStore.AddChangeAsync(work, change, cancellationToken);
        await ContactChanges.PublishScheduledAsync(work, contact, contact.Handler ?? change.By, rescheduled: true, now, cancellationToken);
        return WriteOutcome<ContactView>.Done(ContactView.From(contact));
    }
}
