using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Data;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.Reply.Apis;

public static class RepliesApi
{
    public static IEndpointRouteBuilder MapRepliesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/replies").WithTags("Replies");

        api.MapGet("/{proposalId:guid}", GetReply)
            .WithName("GetReply")
            .WithSummary("An item's reply: whether contact is completed, its draft and the issued reply");
        api.MapPut("/{proposalId:guid}/draft", SaveDraft)
            .WithName("SaveDraft")
            .WithSummary("Write or replace the draft of the formal reply");
        api.MapPost("/{proposalId:guid}/issue", IssueReply)
            .WithName("IssueReply")
            .WithSummary("Issue the formal reply with its result class; refused without a completed contact or a draft, or twice");

        return app;
    }

    public static async Task<Results<Ok<ReplyView>, ProblemHttpResult>> GetReply(
        Guid proposalId, ReplyRepository replies, CancellationToken cancellationToken)
    {
        var reply = await replies.FindAsync(proposalId, cancellationToken);
        return reply is null ? TypedResults.Problem(Unknown(proposalId)) : TypedResults.Ok(ReplyView.From(reply));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SaveDraft(
        Guid proposalId, DraftSubmission draft, PlatformDatabase database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = ReplyRules.ValidateDraft(draft);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The draft is not valid.");
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var reply = await ReplyRepository.LockAsync(work, proposalId, cancellationToken);
        if (reply?.AssignedAt is null)
        {
            return TypedResults.Problem(Unknown(proposalId));
        }

        if (reply.IssuedAt is not null)
        {
            return TypedResults.Problem(Problem(StatusCodes.Status409Conflict, "The reply was already issued.", $"The formal reply for item {proposalId} was issued at {reply.IssuedAt:O}; its draft can no longer change."));
        }

        if (reply.ReturnedAt is not null)
        {
            return TypedResults.Problem(Problem(StatusCodes.Status409Conflict, ReplyRules.ReturnedTitle, $"Item {proposalId} was returned to the assigning office at {reply.ReturnedAt:O}; it gets no reply to draft."));
        }

        await ReplyRepository.SaveDraftAsync(work, proposalId, draft.Text!.Trim(), clock.GetUtcNow(), cancellationToken);
        await work.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ReplyView>, ValidationProblem, ProblemHttpResult>> IssueReply(
        Guid proposalId, IssueSubmission issue, PlatformDatabase database, ReplyRepository replies, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (resultClass, errors) = ReplyRules.ValidateIssue(issue);
        if (resultClass is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The reply is not valid.");
        }

        await using (var work = await database.BeginAsync(cancellationToken))
        {
            var reply = await ReplyRepository.LockAsync(work, proposalId, cancellationToken);
            if (reply is null)
            {
                return TypedResults.Problem(Unknown(proposalId));
            }

            if (ReplyRules.RefuseIssue(reply) is { } refusal)
            {
                return TypedResults.Problem(Problem(StatusCodes.Status409Conflict, refusal.Title, refusal.Detail));
            }

            var now = clock.GetUtcNow();
            var replyId = NewId.NextGuid();
            await ReplyRepository.IssueAsync(work, proposalId, replyId, resultClass.Value, now, cancellationToken);
            await work.PublishAsync(new ReplyIssued(proposalId, replyId, resultClass.Value, now), cancellationToken);
            await work.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(ReplyView.From((await replies.FindAsync(proposalId, cancellationToken))!));
    }

    private static ProblemDetails Unknown(Guid proposalId) =>
        Problem(StatusCodes.Status404NotFound, "No such item.", $"Item {proposalId} is unknown to the reply service or not yet assigned.");

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };
}

public sealed record ReplyView(
    Guid ProposalId,
    string? UnitCode,
    bool ContactCompleted,
    string? Draft,
    bool Issued,
    string? ResultClass,
    DateTimeOffset? IssuedAt,
    bool Returned,
    DateTimeOffset? ReturnedAt,
    string? ReturnedReason)
{
    public static ReplyView From(ReplyCaseRecord r) => new(
        r.ProposalId,
        r.UnitCode,
        r.ContactCompletedAt is not null,
        r.DraftText,
        r.IssuedAt is not null,
        r.ResultClass is { } c ? ((ResultClass)c).ToString() : null,
        r.IssuedAt,
        r.ReturnedAt is not null,
        r.ReturnedAt,
        r.ReturnedReason);
}
