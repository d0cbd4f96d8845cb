using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.ContactScheduling;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Application;

/// <summary>The steps the changes of a contact share: clash checks, outcomes and their events.</summary>
public static class ContactChanges
{
    /// <summary>The planned contact <paramref name="candidate"/> would clash with, under the booking lock.</summary>
    public static async Task<Clash?> FindClashAsync(UnitOfWork work, PlannedSlot candidate, CancellationToken cancellationToken)
    {
        await ContactStore.LockBookingsAsync(work, cancellationToken);
        var planned = await ContactStore.PlannedBetweenAsync(work, candidate.Start, candidate.End, cancellationToken);
        return Booking.FindClash(candidate, planned);
    }

    public static Task PublishScheduledAsync(UnitOfWork work, ContactRow contact, string handler, bool rescheduled, DateTimeOffset now, CancellationToken cancellationToken) =>
        work.PublishAsync(
            new ContactScheduled(
                contact.ProposalId, contact.Id, (ContactChannel)contact.Channel, contact.PlannedStart!.Value, contact.PlannedEnd!.Value,
                handler, contact.SubmitterName ?? LeadSubmitterUnknown, contact.EntrustedUnitCode, rescheduled, now),
            cancellationToken);

    /// <summary>Stands for the lead submitter in events when a contact was recorded before the item's registration arrived.</summary>
    public const string LeadSubmitterUnknown = "(lead submitter)";

    /// <summary>
    /// Publishes that <paramref name="contact"/> (done, in the task's current round) has its outcome,
    /// and, when it is the first reached contact with the lead submitter in the round, that the
    /// round's contact is completed (once per item and round).
    /// </summary>
    public static async Task PublishOutcomeAsync(
        UnitOfWork work, ContactTaskRecord task, ContactRow contact, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcome = (ContactOutcome)contact.Outcome!.Value;
        var channel = (ContactChannel)contact.Channel;
        await work.PublishAsync(
            new ContactOutcomeRecorded(
                contact.ProposalId, contact.Id, channel, outcome, contact.SubmitterName ?? LeadSubmitterUnknown,
                contact.WithLeadSubmitter, contact.ReportedByUnitCode, now),
            cancellationToken);

        if (ContactRequirement.CompletesRound(outcome, contact.WithLeadSubmitter, task.CompletedAt is not null)
            && await ContactRepository.TryCompleteRoundAsync(work, task.ProposalId, task.Round, contact.Id, now, cancellationToken))
        {
            await work.PublishAsync(
                new ContactCompleted(task.ProposalId, contact.Id, channel, contact.OccurredAt ?? now, task.Round),
                cancellationToken);
        }
    }
}
