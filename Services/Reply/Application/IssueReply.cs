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
/// refused without a completed contact in the round or a signed-off draft, or twice in a round. Issued
/// on the lead item of a merged group, it answers every item of the group with the one signed-off
/// draft, each to its own submitters in a letter of its own number, and only once every item has its
/// own completed contact. Answers the item's id.
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

        // a merged group's lead answers every item of the group with its signed-off draft, each to its own submitters
        var answered = new List<ReplyCase> { reply };
        if (reply.Group is { } group && await HandlingGroupRepository.FindOpenAsync(work, group.GroupId, cancellationToken) is { } open)
        {
            var cases = await HandlingGroupRepository.LockCasesAsync(work, id, open.ProposalIds, cancellationToken);
            var others = open.ProposalIds.Where(p => p != id).Select(p => HandlingGroupRules.AsAnsweredBy(cases[p], reply)).ToList();
            var notReady = others.Select(o => (Item: o.ProposalId, Refusal: ReplyRules.RefuseIssue(o))).Where(o => o.Refusal is not null).ToList();
            if (notReady.Count > 0)
            {
                return WriteOutcome<Guid>.Conflict(
                    ReplyRules.GroupNotReadyTitle,
                    $"The group's replies go out together, once every item has its own completed contact and its submitters are known; not yet: {string.Join(", ", notReady.Select(o => o.Item))}.",
                    new Dictionary<string, object?>
                    {
                        ["missing"] = notReady.SelectMany(o => o.Refusal!.Missing ?? []).Distinct().ToList(),
                        ["items"] = notReady.Select(o => new { proposalId = o.Item, missing = o.Refusal!.Missing ?? [] }).ToList(),
                    });
            }

            answered.AddRange(others);
            await HandlingGroupRepository.CloseIssuedAsync(work, open.GroupId, now, cancellationToken);
            step.Audit.Set("group", open.GroupId).Set("items", open.ProposalIds.Count);
        }

        var (publication, publicText) = SignOffRules.PublicTextOf(reply.SignOffs, reply.IsKeyItem, reply.DraftText!);
        var resultClass = ReplyRules.ValidateIssue(issue).ResultClass!.Value;
        var (leader, handler) = (new Signatory(issue.LeaderName!.Trim(), issue.LeaderPhone!.Trim()), new Signatory(issue.HandlerName!.Trim(), issue.HandlerPhone!.Trim()));
        var numbers = new List<string>();
        var sentTo = 0;
        foreach (var item in answered)
        {
            var recipients = ReplyRules.RecipientsOf(item);
            sentTo += recipients.Count;
            var replyId = NewId.NextGuid();
            var issued = new IssuedReply(
                replyId, item.ProposalId, item.Round, reply.DraftVersion!.Value, resultClass, reply.DraftText!,
                leader.Name, phones.SealLeader(replyId, leader.Phone), handler.Name, phones.SealHandler(replyId, handler.Phone),
                publication, publicText, now, reply.Group?.GroupId);
            await ReplyRepository.IssueAsync(work, issued, recipients, cancellationToken);

            // numbered last: the year's sequence stays locked from the first number to the commit
            var number = await letters.NumberAsync(work, now, cancellationToken);
            var letter = new ReplyLetter(
                number.Text, BeijingCalendar.DayOf(now), item.Item, recipients[0], [.. recipients.Skip(1)], issued.Text, resultClass, leader, handler);
            await letters.StoreAsync(work, replyId, item.ProposalId, item.Round, number, letter, publicText, cancellationToken);
            numbers.Add(number.Text);

            await work.PublishAsync(
                new ReplyIssued(item.ProposalId, issued.ReplyId, resultClass, now, item.Round, recipients.Count, publication, number.Text, issued.GroupId),
                cancellationToken);
        }

        step.Audit.Set("round", reply.Round).Set("draftVersion", reply.DraftVersion).Set("resultClass", resultClass).Set("publication", publication)
            .Set("recipients", sentTo).Set("letterNumber", string.Join(", ", numbers));
        return WriteOutcome<Guid>.Done(id);
    }
}
