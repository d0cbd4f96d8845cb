using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Data;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.Reply.Application;

/// <summary>
/// A step of the current draft version's sign-off chain, taken by the caller: the handler submits, the
/// unit head and (key items) the proposal office approve or send back. Answers the item's id.
/// </summary>
public sealed class RecordSignOffHandler(WritePath path) : ItemWriteHandler<SignOffSubmission, ReplyCase, Guid>(path)
{
    public override string InvalidTitle => "The sign-off is not valid.";

    public override ItemOperation OperationFor(SignOffSubmission request) =>
        EnumNames.TryParse<SignOffStep>(request.Step, out var step) ? step switch
        {
            SignOffStep.Handler => ItemOperation.SignOffAsHandler,
            SignOffStep.UnitHead => ItemOperation.SignOffAsUnitHead,
            _ => ItemOperation.SignOffAsOffice,
        }
        : ItemOperation.Handle;

    public override IDictionary<string, string[]> Validate(SignOffSubmission request, DateTimeOffset now) => SignOffRules.Validate(request).Errors;

    public override Task<ReplyCase?> LockAsync(UnitOfWork work, Guid itemId, SignOffSubmission request, CancellationToken cancellationToken) =>
        ReplyRepository.LockAsync(work, itemId, cancellationToken);

    public override ItemParties? PartiesOf(ReplyCase target) => ReplyItems.PartiesOf(target);

    public override async Task<WriteOutcome<Guid>> ApplyAsync(WriteStep<SignOffSubmission, ReplyCase> step, CancellationToken cancellationToken)
    {
        var (work, id, reply, submission, caller, now) = step;
        var request = SignOffRules.Validate(submission).Request! with { By = caller.Name, ById = caller.Id };
        if (SignOffRules.RefuseSignOff(reply, request) is { } refusal)
        {
            return WriteOutcome<Guid>.Conflict(refusal.Title, refusal.Detail);
        }

        var publicationErrors = SignOffRules.ValidatePublication(reply, request);
        if (publicationErrors.Count > 0)
        {
            return WriteOutcome<Guid>.Invalid(publicationErrors, InvalidTitle);
        }

        await ReplyRepository.RecordSignOffAsync(work, id, reply.Round, request, now, cancellationToken);
        step.Audit.Set("round", reply.Round).Set("draftVersion", request.DraftVersion).Set("step", request.Step).Set("decision", request.Approved ? "Approve" : "SendBack");
        await work.PublishAsync(
            new ReplySignOffRecorded(id, reply.Round, request.DraftVersion, request.Step, request.Approved, request.By, request.Comments, now),
            cancellationToken);
        return WriteOutcome<Guid>.Done(id);
    }
}
