using ProposalPlatform.ContactScheduling.Apis;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Contracts.ContactScheduling;
using ProposalPlatform.Infrastructure.Application;

namespace ProposalPlatform.ContactScheduling.Application;

/// <summary>The lead unit calls off a planned contact, with a reason.</summary>
public sealed class CancelContactHandler(WritePath path) : ContactWriteHandler<CancelRequest>(path)
{
    public override string InvalidTitle => "The cancellation is not valid.";

    public override IDictionary<string, string[]> Validate(CancelRequest request, DateTimeOffset now) => PlanRules.Validate(request);

    protected override async Task<WriteOutcome<ContactView>> ChangeAsync(WriteStep<CancelRequest, LockedContact> step, CancellationToken cancellationToken)
    {
        var (work, contactId, (_, contact), request, caller, now) = step;
        if (ContactTransitions.RefuseCancel(contact.State) is { } refusal)
        {
            return WriteOutcome<ContactView>.Refused(Problems.Refused(contactId, refusal));
        }

        var (reason, by) = (request.Reason!.Trim(), caller.Name);
        contact.Status = nameof(ContactStatus.Cancelled);
        contact.CancelledReason = reason;
        await ContactStore.UpdateAsync(work, contact, cancellationToken);
        await ContactStore.AddChangeAsync(work, new ContactChange(contact.Id, "Cancelled", by, now, reason, contact.PlannedStart, contact.PlannedEnd, null, null), cancellationToken);
        await work.PublishAsync(new ContactCancelled(contact.ProposalId, contact.Id, reason, by, now), cancellationToken);
        return WriteOutcome<ContactView>.Done(ContactView.From(contact));
    }
}
