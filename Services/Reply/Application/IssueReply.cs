using MassTransit;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Data;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.Reply.Application;

/// <summary>
/// The round's formal reply, issued to the lead submitter and every co-signer as a numbered letter:
/// refused without a completed contact in the round or a signed-off draft, or twice in a round.
/// Answers the item's id.
/// </summary>
public sealed class IssueReplyHandler(WritePath path, SignatoryPhones phones, ReplyLetters letters) : ItemWriteHandler<IssueSubmission, ReplyCase, Guid>(path)
{
    public override string InvalidTitle => "The reply is not valid.";

    public override ItemOperation OperationFor(IssueSubmission request) => ItemOperation.Handle;

    public override IDictionary<string, string[]> Validate(IssueSubmission request, DateTimeOffset now)
    {
        var (_, errors) = ReplyRules.ValidateIssue(request);
        foreach (var (field, messages) in ReplyRules.ValidateSignatories(request))
        {
            errors[field] = messages;
        }

        return errors;
    }

    public override Task<ReplyCase?> LockAsync(UnitOfWork work, Guid itemId, IssueSubmission request, CancellationToken cancellationToken) =>
        ReplyRepository.LockAsync(work, itemId, cancellationToken);

    // a returned item is the lead unit's to see refused, not a stranger's to find missing
    public override ItemParties? PartiesOf(ReplyCase target) => ReplyItems.PartiesOf(target, returnedToo: true);

    public override async Task<WriteOutcome<Guid>> ApplyAsync(WriteStep<IssueSubmission, ReplyCase> step, CancellationToken cancellationToken)
    {
        var (work, id, reply, issue, _, now) = step;
        if (ReplyRules.RefuseIssue(reply) is { } refusal)
        {
            var extensions = refusal.Missing is { Count: > 0 } missing ? new Dictionary<string, object?> { ["missing"] = missing } : null;
            return WriteOutcome<Guid>.Conflict(refusal.Title, refusal.Detail, extensions);
        }

        var (publication, publicText) = SignOffRules.PublicTextOf(reply.SignOffs, reply.IsKeyItem, reply.DraftText!);
        var resultClass = ReplyRules.ValidateIssue(issue).ResultClass!.Value;
        var recipients = ReplyRules.RecipientsOf(reply);
        var replyId = NewId.NextGuid();
        var (leader, handler) = (new Signatory(issue.LeaderName!.Trim(), issue.LeaderPhone!.Trim()), new Signatory(issue.HandlerName!.Trim(), issue.HandlerPhone!.Trim()));
        var issued = new IssuedReply(
            replyId, id, reply.Round, reply.DraftVersion!.Value, resultClass, reply.DraftText!,
            leader.Name, phones.SealLeader(replyId, leader.Phone), handler.Name, phones.SealHandler(replyId, handler.Phone),
            publication, publicText, now);
        await ReplyRepository.IssueAsync(work, issued, recipients, cancellationToken);

        // numbered last: the year's sequence stays locked from here to the commit
        var number = await letters.NumberAsync(work, now, cancellationToken);
        var letter = new ReplyLetter(
            number.Text, BeijingCalendar.DayOf(now), reply.Item, recipients[0], [.. recipients.Skip(1)], issued.Text, resultClass, leader, handler);
        await letters.StoreAsync(work, replyId, id, reply.Round, number, letter, publicText, cancellationToken);

        await work.PublishAsync(new ReplyIssued(id, issued.ReplyId, resultClass, now, reply.Round, recipients.Count, publication, number.Text), cancellationToken);
        step.Audit.Set("round", reply.Round).Set("draftVersion", issued.DraftVersion).Set("resultClass", resultClass).Set("publication", publication)
            .Set("recipients", recipients.Count).Set("letterNumber", number.Text);
        return WriteOutcome<Guid>.Done(id);
    }
}
