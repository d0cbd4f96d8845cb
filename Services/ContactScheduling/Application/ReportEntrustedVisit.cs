using ProposalPlatform.ContactScheduling.Apis;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Infrastructure.Application;

namespace ProposalPlatform.ContactScheduling.Application;

/// <summary>
/// The district reports the visit entrusted to it: its outcome and report become the contact's outcome
/// on the item, and reaching the lead submitter completes the round.
/// </summary>
public sealed class ReportEntrustedVisitHandler(WritePath path) : EntrustedVisitWriteHandler<EntrustedReportRequest>(path)
{
    public override string InvalidTitle => "The report is not valid.";

    public override IDictionary<string, string[]> Validate(EntrustedReportRequest request, DateTimeOffset now) => PlanRules.Validate(request, now).Errors;

    protected override async Task<WriteOutcome<ContactView>> ChangeAsync(
        WriteStep<EntrustedReportRequest, LockedContact> step, CancellationToken cancellationToken)
    {
        var (work, contactId, (task, contact), request, caller, now) = step;
        if (ContactTransitions.RefuseOutcome(contact.State, entrusted: true, byDistrict: true) is { } refusal)
        {
            return WriteOutcome<ContactView>.Refused(Problems.Refused(contactId, refusal));
        }

        var outcome = PlanRules.Validate(request, now).Outcome!;
        contact.Status = nameof(ContactStatus.Done);
        contact.Round = task.Round;
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
        return WriteOutcome<ContactView>.Done(ContactView.From(contact));
    }
}
