using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Apis;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;
using ProposalPlatform.Intake.Workers;

namespace ProposalPlatform.Intake.Application;

/// <summary>
/// The office amends an item's data with a reason: the version it replaces is kept in the history, the
/// item's story gets a step and ProposalCorrected is published. Answers the item's id.
/// </summary>
public sealed class CorrectProposalHandler(WritePath path, ProposalRepository proposals, IndexingSignal indexing)
    : ItemWriteHandler<CorrectionSubmission, ProposalRecord, Guid>(path)
{
    public override string InvalidTitle => "The correction is not valid.";

    public override ItemOperation OperationFor(CorrectionSubmission request) => ItemOperation.Administer;

    // no Validate: a correction is checked on the item it amends (Corrections.Apply), once locked

    public override Task<ProposalRecord?> LockAsync(UnitOfWork work, Guid itemId, CorrectionSubmission request, CancellationToken cancellationToken) =>
        ProposalRepository.FindForUpdateAsync(work, itemId, cancellationToken);

    public override ItemParties? PartiesOf(ProposalRecord target) => ProposalsApi.PartiesOf(target);

    public override async Task<WriteOutcome<Guid>> ApplyAsync(WriteStep<CorrectionSubmission, ProposalRecord> step, CancellationToken cancellationToken)
    {
        var (work, id, current, correction, _, now) = step;
        var (applied, errors) = Corrections.Apply(proposals.WithContactDetails(current), correction, now.Year);
        if (applied is null)
        {
            return WriteOutcome<Guid>.Invalid(errors, InvalidTitle);
        }

        await proposals.CorrectAsync(work, current, applied.Corrected, applied.Reason, applied.ChangedFields, now, cancellationToken);
        step.Audit.Changed("version", current.Version, current.Version + 1).Set("fields", string.Join(",", applied.ChangedFields)).Set("reason", applied.Reason);
        var p = applied.Corrected;
        await work.PublishAsync(new ProposalCorrected(
            id, current.Version + 1, applied.ChangedFields, applied.Reason, now, p.Title, p.Topic, p.Tags, p.HandlingMode,
            p.IsKeyItem, p.SupervisingBody, p.SubmitterName, p.Province, p.City, [.. p.CoSigners.Select(c => c.Name)],
            p.SessionTerm, p.SessionMeeting), cancellationToken);
        return WriteOutcome<Guid>.Done(id);
    }

    /// <summary>The corrected item, once committed, is indexed again.</summary>
    public override void Committed(Guid result) => indexing.Notify();
}
