using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Reply.Application;
using ProposalPlatform.Reply.Data;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.Reply.Apis;

public static class RepliesApi
{
    private const string LetterContentType = "application/pdf";

    public static IEndpointRouteBuilder MapRepliesApi(this IEndpointRouteBuilder app)
    {
        // the lead unit drafts, signs off and replies; the office signs key items off; co-handlers read
        var api = app.MapGroup("api/replies").WithTags("Replies")
            .RequireAuthorization(PlatformPolicies.Staff);

        api.MapGet("/{proposalId:guid}", GetReply)
            .WithName("GetReply")
            .WithSummary("An item's reply: its current round (contact, latest draft, sign-off, issued reply) and the history of every round")
            .WithDescription("Returns the item's reply: the current round (its contact, the latest draft, the sign-off chain and the issued reply) and the history of every round. An item that is unknown, not yet assigned or not the caller's to see is answered 404.");
        api.MapGet("/{proposalId:guid}/letter", GetLetter)
            .WithName("GetReplyLetter")
            .WithSummary("The letter (PDF) an item's reply was issued as, byte for byte, with the signatories' phones; its SHA-256 in Repr-Digest")
            .WithDescription("Returns the numbered letter of the item's latest issued reply, or of the reply of `round`, as it was issued (application/pdf), with its SHA-256 in the Repr-Digest header (RFC 9530) as the reply's view gives it. An item that is unknown or not the caller's to see is answered 404; a round with no letter is 404 saying so; a round below 1 is refused with 400.")
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: LetterContentType);
        api.MapGet("/{proposalId:guid}/letter/public", GetPublicLetter)
            .WithName("GetPublicReplyLetter")
            .WithSummary("The public version (PDF) of an item's reply letter: the published text with contact details removed, no phones; its SHA-256 in Repr-Digest")
            .WithDescription("Returns the public version of the letter of the item's latest issued reply, or of the reply of `round` (application/pdf): the text published at sign-off (full text or summary) with contact details removed, and no phones; its SHA-256 in the Repr-Digest header. An item that is unknown or not the caller's to see is answered 404; a reply that is not published, or a round with no letter, is 404 saying so; a round below 1 is refused with 400.")
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: LetterContentType);
        api.MapGet("/follow-ups", ListFollowUps)
            .WithName("ListFollowUps")
            .WithSummary("Items whose latest issued reply is class B (being solved), optionally of one unit; a later reply of another class closes the follow-up")
            .WithDescription("Lists the items whose latest issued reply is class B (being solved), optionally of one unit, to follow them up; a unit's handlers and head list their own unit's only (403 otherwise). A blank or too long unit code is refused with 400.")
            .RequireAuthorization(PlatformPolicies.Headquarters);
        api.MapGet("/sign-off-queue", ListSignOffQueue)
            .WithName("ListSignOffQueue")
            .WithSummary("The drafts waiting for a sign-off step: a unit's for its head (after the handler submitted), key items' for the proposal office (after the head approved)")
            .WithDescription("Lists the current drafts whose sign-off chain waits for its next step, oldest first: for a unit's handlers and head, their own unit's drafts waiting for the unit head (another unit asked for is refused with 403); for the proposal office, the key items' drafts waiting for it, and with `unitCode` also that unit's drafts waiting for its head. A blank or too long unit code is refused with 400.")
            .RequireAuthorization(PlatformPolicies.Headquarters);
        api.MapPut("/{proposalId:guid}/draft", SaveDraft)
            .WithName("SaveDraft")
            .WithSummary("Save a new version of the lead unit's draft reply; every version is kept and a new one needs the whole sign-off chain again")
            .WithDescription("Saves a new version of the lead unit's draft reply; every version is kept, and a new one needs the whole sign-off chain again. Only the lead unit's handlers and head draft (403 otherwise); an invalid draft is refused with 400, an unknown item with 404, a round that takes no more drafts (replied, returned) with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{proposalId:guid}/sign-offs", RecordSignOff)
            .WithName("RecordSignOff")
            .WithSummary("Record a sign-off step of the current draft version: the handler submits, the unit head and (key items) the proposal office approve or send back")
            .WithDescription("Records a sign-off step of the current draft version: the lead unit's handler submits, its head and, for a key item, the proposal office approve it or send it back. A step taken by the wrong person is refused with 403, an invalid step with 400, an unknown item with 404, a step out of order or on an old version with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{proposalId:guid}/issue", IssueReply)
            .WithName("IssueReply")
            .WithSummary("Issue the round's formal reply to the lead submitter and every co-signer; refused without a completed contact in the round or a signed-off draft, or twice in a round")
            .WithDescription("Issues the round's formal reply to the lead submitter and every co-signer, and publishes ReplyIssued. Only the lead unit's handlers and head issue replies (403 otherwise); an invalid reply is refused with 400, an unknown item with 404, and a round without a completed contact or a signed-off draft, or already replied, with 409 naming what is missing.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{proposalId:guid}/feedback", RecordFeedback)
            .WithName("RecordFeedback")
            .WithSummary("Record the submitter's feedback on the latest issued reply; dissatisfaction with the result requests re-handling")
            .WithDescription("Records the submitter's feedback on the latest issued reply; dissatisfaction with the result requests re-handling (a new round, due in a month). Only the lead unit's handlers and head record feedback (403 otherwise); invalid feedback is refused with 400, an unknown item with 404, feedback with no issued reply or given twice with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    public static async Task<Results<Ok<ReplyView>, ProblemHttpResult>> GetReply(
        Guid proposalId, ClaimsPrincipal user, ItemGuard guard, ReplyReadModel replies, SignatoryPhones phones, CancellationToken cancellationToken)
    {
        // a registration alone creates the case; the item is the reply service's once assigned (or returned)
        var reply = await replies.FindAsync(proposalId, cancellationToken);
        var known = reply is not null && (reply.Case.AssignedAt is not null || reply.Case.ReturnedAt is not null);
        return await guard.RefuseAsync(user, proposalId, known ? reply!.Parties : null, ItemOperation.Read) is { } refusal
            ? TypedResults.Problem(refusal)
            : TypedResults.Ok(ReplyView.From(reply!, phones));
    }

    public static Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetLetter(
        Guid proposalId, int? round, HttpContext http, ItemGuard guard, ReplyReadModel replies, SignatoryPhones phones, CancellationToken cancellationToken) =>
        LetterAsync(proposalId, round, publicVersion: false, http, guard, replies, phones, cancellationToken);

    public static Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetPublicLetter(
        Guid proposalId, int? round, HttpContext http, ItemGuard guard, ReplyReadModel replies, SignatoryPhones phones, CancellationToken cancellationToken) =>
        LetterAsync(proposalId, round, publicVersion: true, http, guard, replies, phones, cancellationToken);

    public static async Task<Results<Ok<IReadOnlyList<FollowUpView>>, ValidationProblem, ProblemHttpResult>> ListFollowUps(
        string? unitCode, Caller caller, ReplyReadModel replies, CancellationToken cancellationToken)
    {
        if (UnitFilterRefusal(unitCode, caller) is { } refusal)
        {
            return refusal;
        }

        var rows = await replies.FollowUpsAsync(caller.IsOffice ? unitCode?.Trim() : caller.UnitCode ?? "", cancellationToken);
        return TypedResults.Ok<IReadOnlyList<FollowUpView>>(rows.Select(FollowUpView.From).ToList());
    }

    public static async Task<Results<Ok<IReadOnlyList<SignOffQueueView>>, ValidationProblem, ProblemHttpResult>> ListSignOffQueue(
        string? unitCode, Caller caller, ReplyReadModel replies, CancellationToken cancellationToken)
    {
        if (UnitFilterRefusal(unitCode, caller) is { } refusal)
        {
            return refusal;
        }

        var awaited = caller.IsOffice ? SignOffStep.ProposalOffice : SignOffStep.UnitHead;
        var unit = caller.IsOffice ? unitCode?.Trim() : caller.UnitCode ?? "";
        var rows = (await replies.SignOffQueueAsync(unit, cancellationToken)).Select(SignOffQueueView.From)
            .Where(r => r.AwaitedStep == awaited.ToString() || (caller.IsOffice && unit is not null))
            .ToList();
        return TypedResults.Ok<IReadOnlyList<SignOffQueueView>>(rows);
    }

    public static async Task<Results<Ok<DraftSavedView>, ValidationProblem, ProblemHttpResult>> SaveDraft(
        Guid proposalId, DraftSubmission draft, ClaimsPrincipal user, SaveDraftHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(proposalId, draft, user, cancellationToken)).ToHttp(TypedResults.Ok);

    public static async Task<Results<Ok<ReplyView>, ValidationProblem, ProblemHttpResult>> RecordSignOff(
        Guid proposalId, SignOffSubmission submission, ClaimsPrincipal user, RecordSignOffHandler handler, ReplyReadModel replies,
        SignatoryPhones phones, CancellationToken cancellationToken) =>
        await (await handler.HandleAsync(proposalId, submission, user, cancellationToken)).ToHttpAsync(id => ViewAsync(replies, phones, id, cancellationToken));

    public static async Task<Results<Ok<ReplyView>, ValidationProblem, ProblemHttpResult>> IssueReply(
        Guid proposalId, IssueSubmission issue, ClaimsPrincipal user, IssueReplyHandler handler, ReplyReadModel replies,
        SignatoryPhones phones, CancellationToken cancellationToken) =>
        await (await handler.HandleAsync(proposalId, issue, user, cancellationToken)).ToHttpAsync(id => ViewAsync(replies, phones, id, cancellationToken));

    public static async Task<Results<Ok<ReplyView>, ValidationProblem, ProblemHttpResult>> RecordFeedback(
        Guid proposalId, FeedbackSubmission submission, ClaimsPrincipal user, RecordFeedbackHandler handler, ReplyReadModel replies,
        SignatoryPhones phones, CancellationToken cancellationToken) =>
        await (await handler.HandleAsync(proposalId, submission, user, cancellationToken)).ToHttpAsync(id => ViewAsync(replies, phones, id, cancellationToken));

    /// <summary>A reply's letter for one who may read the item, as it was stored: the letter opened from its seal, the public version as it is.</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> LetterAsync(
        Guid proposalId, int? round, bool publicVersion, HttpContext http, ItemGuard guard, ReplyReadModel replies, SignatoryPhones phones,
        CancellationToken cancellationToken)
    {
        if (round is < 1)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["round"] = ["A round is 1 or more; leave it out for the latest reply."] }, title: "The query is not valid.");
        }

        var (parties, letter) = await replies.LetterAsync(proposalId, round, publicVersion, cancellationToken);
        if (await guard.RefuseAsync(http.User, proposalId, parties, ItemOperation.Read) is { } refusal)
        {
            return TypedResults.Problem(refusal);
        }

        if (letter is not { Pdf: { } pdf, Sha256: { } sha256 })
        {
            var which = round is { } r ? $"the reply of round {r}" : "its reply";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: publicVersion && letter is not null ? "The reply is not published." : "No letter was issued.",
                detail: publicVersion && letter is not null
                    ? $"The reply of round {letter.Round} for item {proposalId} was signed off as not public: its letter has no public version."
                    : $"Item {proposalId} has no letter for {which}: it was not issued, or it was issued before replies were letters.");
        }

        var bytes = publicVersion ? pdf : phones.OpenLetter(letter.ReplyId, pdf);
        http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(sha256)}:";
        if (!publicVersion)
        {
            // it prints the signatories' phones: no cache keeps a copy
            http.Response.Headers.CacheControl = "private, no-store";
        }

        return TypedResults.File(bytes, LetterContentType, publicVersion ? $"{letter.LetterNumber}（公开版）.pdf" : $"{letter.LetterNumber}.pdf");
    }

    /// <summary>A unit's lists are for its own staff and the office; a unit code given is 1 to 50 characters.</summary>
    private static ProblemHttpResult? UnitFilterRefusal(string? unitCode, Caller caller)
    {
        if (!caller.IsOffice && unitCode is not null && !caller.IsOf(unitCode.Trim()))
        {
            return TypedResults.Problem(PlatformProblems.Forbidden(
                $"A unit lists its own drafts and follow-ups; {unitCode.Trim()}'s are for its own staff and the {PlatformRoles.ProposalOffice}."));
        }

        if (unitCode is not null && (string.IsNullOrWhiteSpace(unitCode) || unitCode.Length > 50))
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { ["unitCode"] = ["A unit code is 1 to 50 characters; leave it out for every unit."] })
            {
                Title = "The filter is not valid.",
                Status = StatusCodes.Status400BadRequest,
            });
        }

        return null;
    }

    // after a write the caller was allowed to make: one who may read the item
    private static async Task<Ok<ReplyView>> ViewAsync(ReplyReadModel replies, SignatoryPhones phones, Guid proposalId, CancellationToken cancellationToken) =>
        TypedResults.Ok(ReplyView.From((await replies.FindAsync(proposalId, cancellationToken))!, phones));
}
