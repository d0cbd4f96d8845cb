using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Data;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.Reply.Application;

/// <summary>
/// The submitter's answer to the latest issued reply, recorded by the lead unit; dissatisfaction with
/// the result requests re-handling. Answers the item's id.
/// </summary>
public sealed class RecordFeedbackHandler(WritePath path) : ItemWriteHandler<FeedbackSubmission, FeedbackTarget, Guid>(path)
{
    public override string InvalidTitle => "The feedback is not valid.";

    public override ItemOperation OperationFor(FeedbackSubmission request) => ItemOperation.Handle;

    public override IDictionary<string, string[]> Validate(FeedbackSubmission request, DateTimeOffset now) => FeedbackRules.Validate(request).Errors;

    public override Task<FeedbackTarget?> LockAsync(UnitOfWork work, Guid itemId, FeedbackSubmission request, CancellationToken cancellationToken) =>
        ReplyRepository.LockLatestReplyAsync(work, itemId, cancellationToken);

    public override ItemParties? PartiesOf(FeedbackTarget target) => target.Parties;

    public override async Task<WriteOutcome<Guid>> ApplyAsync(WriteStep<FeedbackSubmission, FeedbackTarget> step, CancellationToken cancellationToken)
    {
        var (work, id, target, submission, _, now) = step;
        if (FeedbackRules.RefuseFeedback(id, target.Latest) is { } refusal)
        {
            return WriteOutcome<Guid>.Conflict(refusal.Title, refusal.Detail);
        }

        var feedback = FeedbackRules.Validate(submission).Request!;
        var latest = target.Latest!;
        await ReplyRepository.RecordFeedbackAsync(work, id, latest, feedback, now, cancellationToken);
        step.Audit.Set("round", latest.Round).Set("onResult", feedback.OnResult).Set("onAttitude", feedback.OnAttitude);
        await work.PublishAsync(new FeedbackReceived(id, latest.ReplyId, latest.Round, feedback.OnResult, feedback.OnAttitude, now), cancellationToken);
        if (FeedbackRules.RequestsReHandling(feedback))
        {
            await work.PublishAsync(new ReHandlingRequested(id, latest.Round, FeedbackRules.ReHandlingReason(latest.Round, feedback), now), cancellationToken);
        }

        return WriteOutcome<Guid>.Done(id);
    }
}
