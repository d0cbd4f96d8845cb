using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Apis;

public static class SimilarApi
{
    public static IEndpointRouteBuilder MapSimilarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/intake").WithTags("Similar items");

        api.MapGet("/proposals/{id:guid}/similar", SimilarToItem)
            .WithName("ListItemsSimilarToItem")
            .WithSummary("Items of the same session whose content is nearly the same as this one (character-bigram Jaccard similarity), with each pair's status");
        api.MapGet("/similar", ListPairs)
            .WithName("ListSimilarPairs")
            .WithSummary("Pairs of similar items, candidates for merged handling (并案), filtered by status (Candidate, Confirmed, Dismissed) and session year, most similar first");
        api.MapPost("/similar/{pairId:guid}/confirm", (Guid pairId, PairDecision? decision, PlatformDatabase database, TimeProvider clock, CancellationToken cancellationToken) =>
                DecideAsync(pairId, SimilarPairStatus.Confirmed, decision, database, clock, cancellationToken))
            .WithName("ConfirmSimilarPair")
            .WithSummary("The office handles the two items together (merged handling); each still gets its own reply");
        api.MapPost("/similar/{pairId:guid}/dismiss", (Guid pairId, PairDecision? decision, PlatformDatabase database, TimeProvider clock, CancellationToken cancellationToken) =>
                DecideAsync(pairId, SimilarPairStatus.Dismissed, decision, database, clock, cancellationToken))
            .WithName("DismissSimilarPair")
            .WithSummary("The office decides the two items are different");

        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<SimilarItemView>>, ProblemHttpResult>> SimilarToItem(
        Guid id, ProposalRepository proposals, SimilarityRepository similar, CancellationToken cancellationToken)
    {
        if (await proposals.FindAsync(id, cancellationToken) is null)
        {
            return ProposalsApi.NotFound(id);
        }

        var pairs = await similar.ForItemAsync(id, cancellationToken);
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

    public static async Task<Results<Ok<SimilarPairView>, ProblemHttpResult>> DecideAsync(
        Guid pairId, SimilarPairStatus decision, PairDecision? body, PlatformDatabase database, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        var pair = await SimilarityRepository.FindForUpdateAsync(work, pairId, cancellationToken);
        if (pair is null)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "No such pair.",
                Detail = $"No pair of similar items has the id {pairId}.",
            });
        }

        var (allowed, changes, error) = SimilarPairs.Decide((SimilarPairStatus)pair.Status, decision);
        if (!allowed)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The pair was already decided otherwise.",
                Detail = error,
            });
        }

        var now = clock.GetUtcNow();
        if (changes)
        {
            await SimilarityRepository.DecideAsync(work, pairId, decision, Trim(body?.DecidedBy), Trim(body?.Note), now, cancellationToken);
            await work.CommitAsync(cancellationToken);
            pair = pair with { Status = (short)decision, DecidedAt = now, DecidedBy = Trim(body?.DecidedBy), Note = Trim(body?.Note) };
        }

        return TypedResults.Ok(SimilarPairView.From(pair));
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, 500)];
}

/// <summary>Who decided, and why (both optional).</summary>
public sealed record PairDecision(string? DecidedBy, string? Note);

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
