using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Apis;
using ProposalPlatform.Reply.Data;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.Reply.Application;

/// <summary>The lead unit saves a new version of its draft reply; every version is kept.</summary>
public sealed class SaveDraftHandler(WritePath path) : ItemWriteHandler<DraftSubmission, ReplyCase, DraftSavedView>(path)
{
    public override string InvalidTitle => "The draft is not valid.";

    public override ItemOperation OperationFor(DraftSubmission request) => ItemOperation.Handle;

    public override IDictionary<string, string[]> Validate(DraftSubmission request, DateTimeOffset now) => ReplyRules.ValidateDraft(request);

    public override Task<ReplyCase?> LockAsync(UnitOfWork work, Guid itemId, DraftSubmission request, CancellationToken cancellationToken) =>
        ReplyRepository.LockAsync(work, itemId, cancellationToken);

    public override ItemParties? PartiesOf(ReplyCase target) => ReplyItems.PartiesOf(target);

    public override async Task<WriteOutcome<DraftSavedView>> ApplyAsync(WriteStep<DraftSubmission, ReplyCase> step, CancellationToken cancellationToken)
    {
        var (work, id, reply, draft, caller, now) = step;
        if (ReplyRules.RefuseWork(reply) is { } refusal)
        {
            return WriteOutcome<DraftSavedView>.Conflict(refusal.Title, refusal.Detail);
        }

        var version = await ReplyRepository.SaveDraftAsync(work, id, reply.Round, draft.Text!.Trim(), caller.Name, now, cancellationToken);
        step.Audit.Changed("draftVersion", reply.DraftVersion, version).Set("round", reply.Round);
        await work.PublishAsync(new ReplyDrafted(id, reply.Round, version, caller.Name, now), cancellationToken);
        return WriteOutcome<DraftSavedView>.Done(new DraftSavedView(id, reply.Round, version, now));
    }
}
