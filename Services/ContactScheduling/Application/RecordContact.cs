using MassTransit;
using ProposalPlatform.ContactScheduling.Apis;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Application;

/// <summary>
/// The lead unit records a contact after the fact, with the lead submitter (by default) or a co-signer;
/// one in which the lead submitter was reached completes the round.
/// </summary>
public sealed class RecordContactHandler(WritePath path) : ItemWriteHandler<ContactSubmission, ContactTaskRecord, ContactView>(path)
{
    public override string InvalidTitle => "The contact is not valid.";

    public override ItemOperation OperationFor(ContactSubmission request) => ItemOperation.Handle;

    public override IDictionary<string, string[]> Validate(ContactSubmission request, DateTimeOffset now) => ContactRules.Validate(request, now).Errors;

    public override Task<ContactTaskRecord?> LockAsync(UnitOfWork work, Guid itemId, ContactSubmission request, CancellationToken cancellationToken) =>
        ContactRepository.LockTaskAsync(work, itemId, cancellationToken);

    public override ItemParties? PartiesOf(ContactTaskRecord target) => ContactItems.PartiesOf(target);

    public override async Task<WriteOutcome<ContactView>> ApplyAsync(WriteStep<ContactSubmission, ContactTaskRecord> step, CancellationToken cancellationToken)
    {
        var (work, proposalId, task, submission, caller, now) = step;
        var contact = ContactRules.Validate(submission, now).Contact!;

        // whom the contact was with: without a name, the lead submitter, even before the registration arrived
        var submitters = await SubmitterRepository.FindAsync(work, proposalId, cancellationToken);
        (string? Name, bool IsLead) with = (submitters?.LeadSubmitterName, true);
        if (contact.SubmitterName is not null)
        {
            if (submitters is null)
            {
                return WriteOutcome<ContactView>.Refused(Problems.SubmittersUnknown(proposalId));
            }

            if (submitters.Resolve(contact.SubmitterName) is not { } resolved)
            {
                return ContactItems.NotASubmitter<ContactView>(submitters);
            }

            with = resolved;
        }

        if (task.ClosedAt is not null)
        {
            return WriteOutcome<ContactView>.Refused(Problems.Returned(task));
        }

        if (contact.OccurredAt < task.RoundOpenedAt)
        {
            return WriteOutcome<ContactView>.Invalid(
                "occurredAt",
                task.Round == 1
                    ? $"A contact counts for the item from its assignment on; it was assigned at {task.OpenedAt:O}, after {contact.OccurredAt:O}."
                    : $"Round {task.Round} of the item began at {task.RoundOpenedAt:O}, after {contact.OccurredAt:O}; only a contact since then counts for it.",
                InvalidTitle);
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
        ContactAudit.NoteNew(step, row);
        return WriteOutcome<ContactView>.Done(ContactView.From(row));
    }
}
