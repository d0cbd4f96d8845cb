using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Intake.Application;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Apis;

public static class SimilarApi
{
    public static IEndpointRouteBuilder MapSimilarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/intake").WithTags("Similar items")
            .RequireAuthorization(PlatformPolicies.Staff);

        api.MapGet("/proposals/{id:guid}/similar", SimilarToItem)
            .WithName("ListItemsSimilarToItem")
            .WithSummary("Items of the same session whose content is nearly the same as this one (character-bigram Jaccard similarity), with each pair's status")
            .WithDescription("Lists the items of the same session whose text is nearly the same as this item's, with each pair's id, similarity and status; a pair is listed only where the caller may see both items. An unknown item and one the caller may not see are both answered 404.");
        api.MapGet("/similar", ListPairs)
            .WithName("ListSimilarPairs")
            .WithSummary("Pairs of similar items, candidates for merged handling (并案), filtered by status (Candidate, Confirmed, Dismissed) and session year, most similar first")
            .WithDescription("Lists the pairs of similar items, most similar first, a page at a time, optionally of one status and session year. An unknown status or a bad page is refused with 400.")
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapPost("/similar/{pairId:guid}/confirm", (Guid pairId, PairDecision? decision, ClaimsPrincipal user, DecideSimilarPairHandler handler, CancellationToken cancellationToken) =>
                DecideAsync(pairId, SimilarPairStatus.Confirmed, decision, user, handler, cancellationToken))
            .WithName("ConfirmSimilarPair")
            .WithSummary("The office handles the two items together (merged handling); each still gets its own reply")
            .WithDescription("Records the office's decision to handle the two items together (merged handling), with an optional note; confirming a confirmed pair again changes nothing. A note longer than 500 characters is refused with 400. An unknown pair is answered 404, a pair already dismissed 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapPost("/similar/confirm", ConfirmClusterAsync)
            .WithName("ConfirmSimilarCluster")
            .WithSummary("The office handles a whole cluster of similar items together (merged handling) in one decision: every candidate pair among them is confirmed")
            .WithDescription("Confirms every candidate pair among 2 to 100 items with an optional note, in one write: nine items are one decision, not 36. The items must be one cluster through their pairs (else 400 naming proposalIds); a pair among them already dismissed is answered 409. Answers every pair among the items.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapPost("/similar/{pairId:guid}/dismiss", (Guid pairId, PairDecision? decision, ClaimsPrincipal user, DecideSimilarPairHandler handler, CancellationToken cancellationToken) =>
                DecideAsync(pairId, SimilarPairStatus.Dismissed, decision, user, handler, cancellationToken))
            .WithName("DismissSimilarPair")
            .WithSummary("The office decides the two items are different")
            .WithDescription("Records the office's decision that the two items are different, with an optional note; dismissing a dismissed pair again changes nothing. A note longer than 500 characters is refused with 400. An unknown pair is answered 404, a pair already confirmed 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(PlatformPolicies.Office);

        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<SimilarItemView>>, ProblemHttpResult>> SimilarToItem(
        Guid id, ClaimsPrincipal user, ItemGuard guard, ProposalRepository proposals, SimilarityRepository similar, CancellationToken cancellationToken)
    {
        if (await proposals.FindAsync(id, cancellationToken) is not { } item || !await guard.MayShowAsync(user, id, ProposalsApi.PartiesOf(item)))
        {
            return ProposalsApi.NotFound(id);
        }

        // a pair is listed only where the caller may read both items
        var candidates = await similar.ForItemAsync(id, cancellationToken);
        var others = await proposals.PartiesAsync([.. candidates.Select(p => p.AId == id ? p.BId : p.AId)], cancellationToken);
        var pairs = new List<PairRecord>();
        foreach (var pair in candidates)
        {
            if (others.TryGetValue(pair.AId == id ? pair.BId : pair.AId, out var other) && await guard.MayReadAsync(user, other))
            {
                pairs.Add(pair);
            }
        }

        IReadOnlyList<SimilarItemView> views = [.. pairs.Select(p => p.AId == id
            ? new SimilarItemView(p.Id, p.BId, ((ProposalKind)p.BKind).ToString(), p.BNumber, p.BTitle, Math.Round(p.Similarity, 3), ((SimilarPairStatus)p.Status).ToString())
            : new SimilarItemView(p.Id, p.AId, ((ProposalKind)p.AKind).ToString(), p.ANumber, p.ATitle, Math.Round(p.Similarity, 3), ((SimilarPairStatus)p.Status).ToString()))];
        return TypedResults.Ok(views);
    }

    public static async Task<Results<Ok<SimilarPairPage>, ValidationProblem>> ListPairs(
        SimilarityRepository similar,
        CancellationToken cancellationToken,
        [FromQuery] string? status = null,
        [FromQuery] int? sessionYear = null,
        [FromQuery] int page = 1,
        [FromQuery] int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        SimilarPairStatus? parsed = null;
        if (status is not null)
        {
            if (EnumNames.TryParse<SimilarPairStatus>(status, out var s))
            {
                parsed = s;
            }
            else
            {
                errors["status"] = [$"'{status}' is not a status: use {EnumNames.List<SimilarPairStatus>()}."];
            }
        }

        if (page < 1)
        {
            errors["page"] = ["Pages start at 1."];
        }

        if (pageSize is < 1 or > ProposalsApi.MaxPageSize)
        {
            errors["pageSize"] = [$"The page size must be between 1 and {ProposalsApi.MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query is not valid.");
        }

        var (pairs, total) = await similar.ListAsync(parsed, sessionYear, page, pageSize, cancellationToken);
        return TypedResults.Ok(new SimilarPairPage([.. pairs.Select(SimilarPairView.From)], page, pageSize, total));
    }

    public static async Task<Results<Ok<IReadOnlyList<SimilarPairView>>, ValidationProblem, ProblemHttpResult>> ConfirmClusterAsync(
        SimilarClusterDecision decision, ClaimsPrincipal user, ConfirmSimilarClusterHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(decision, user, cancellationToken)).ToHttp(pairs => TypedResults.Ok(pairs));

    public static async Task<Results<Ok<SimilarPairView>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid pairId, SimilarPairStatus decision, PairDecision? body, ClaimsPrincipal user, DecideSimilarPairHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new SimilarPairDecision(pairId, decision, body?.Note), user, cancellationToken)).ToHttp(view => TypedResults.Ok(view));
}

/// <summary>Why the office decided so (optional); who decided is the caller.</summary>
public sealed record PairDecision(string? Note);

public sealed record SimilarItemView(Guid PairId, Guid ProposalId, string Kind, int Number, string Title, double Similarity, string Status);

public sealed record PairItemView(Guid Id, string Kind, int Number, string Title);

public sealed record SimilarPairView(
    Guid Id, int SessionYear, double Similarity, string Status, PairItemView A, PairItemView B,
    DateTimeOffset DetectedAt, DateTimeOffset? DecidedAt, string? DecidedBy, string? Note)
{
    public static SimilarPairView From(PairRecord p) => new(
        p.Id, p.SessionYear, Math.Round(p.Similarity, 3), ((SimilarPairStatus)p.Status).ToString(),
        new PairItemView(p.AId, ((ProposalKind)p.AKind).ToString(), p.ANumber, p.ATitle),
        new PairItemView(p.BId, ((ProposalKind)p.BKind).ToString(), p.BNumber, p.BTitle),
        p.DetectedAt, p.DecidedAt, p.DecidedBy, p.Note);
}

public sealed record SimilarPairPage(IReadOnlyList<SimilarPairView> Items, int Page, int PageSize, long Total);
