using ProposalPlatform.ContactScheduling.Apis;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Infrastructure.Application;

namespace ProposalPlatform.ContactScheduling.Application;

/// <summary>
/// The lead unit records what came of a planned contact (a visit entrusted to a district is the
/// district's to report); reaching the lead submitter completes the round.
/// </summary>
public sealed class RecordContactOutcomeHandler(WritePath path) : ContactWriteHandler<OutcomeRequest>(path)
{
    public override string InvalidTitle => "The outcome is not valid.";

    public override IDictionary<string, string[]> Validate(OutcomeRequest request, DateTimeOffset now) => PlanRules.Validate(request, now).Errors;

    protected override async Task<WriteOutcome<ContactView>> ChangeAsync(WriteStep<OutcomeRequest, LockedContact> step, CancellationToken cancellationToken)
    {
        var (work, contactId, (task, contact), request, caller, now) = step;
        if (ContactTransitions.RefuseOutcome(contact.State, entrusted: contact.EntrustedUnitCode is not null, byDistrict: false) is { } refusal)
        {
            return WriteOutcome<ContactView>.Refused(Problems.Refused(contactId, refusal));
        }

        var outcome = PlanRules.Validate(request, now).Outcome!;
        contact.Status = nameof(ContactStatus.Done);
        contact.Round = task.Round;
        contact.Outcome = (short)outcome.Outcome;
        contact.OccurredAt = outcome.OccurredAt;
        contact.Notes = outcome.Notes;
        await ContactStore.UpdateAsync(work, contact, cancellationToken);
        await ContactStore.AddChangeAsync(
            work, new ContactChange(contact.Id, "OutcomeRecorded", caller.Name, now, outcome.Outcome.ToString(), null, null, null, null), cancellationToken);
        await ContactChanges.PublishOutcomeAsync(work, task, contact, now, cancellationToken);
        return WriteOutcome<ContactView>.Done(ContactView.From(contact));
    }
}
