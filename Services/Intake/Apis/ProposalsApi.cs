using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Apis;

public static class ProposalsApi
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/intake/proposals").WithTags("Proposals");

        api.MapPost("/", RegisterProposal)
            .WithName("RegisterProposal")
            .WithSummary("Register one item (suggestion or proposal); the same kind, session and number again returns the stored item");
        api.MapGet("/{id:guid}", GetProposal)
            .WithName("GetProposal")
            .WithSummary("An item with its status and its timeline across the services");
        api.MapGet("/", ListProposals)
            .WithName("ListProposals")
            .WithSummary("Items, filtered by kind, session year and number, a page at a time");

        return app;
    }

    public static async Task<Results<Created<ProposalView>, Ok<ProposalView>, ValidationProblem>> RegisterProposal(
        ProposalSubmission submission,
        PlatformDatabase database,
        ProposalRepository proposals,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (proposal, errors) = ProposalRules.Validate(submission, now.Year);
        if (proposal is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The item is not valid.");
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var (stored, created) = await proposals.RegisterAsync(work, NewId.NextGuid(), proposal, now, cancellationToken);
        if (created)
        {
            await work.PublishAsync(new ProposalRegistered(
                stored.Id, proposal.Kind, proposal.SessionYear, proposal.Number, proposal.Title, proposal.Topic,
                proposal.SubmitterName, proposal.Province, proposal.City, now), cancellationToken);
        }

        await work.CommitAsync(cancellationToken);

        var view = ProposalView.From(stored, await proposals.TimelineAsync(stored.Id, cancellationToken));
        return created
            ? TypedResults.Created($"/api/intake/proposals/{stored.Id}", view)
            : TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<ProposalView>, ProblemHttpResult>> GetProposal(
        Guid id,
        ProposalRepository proposals,
        CancellationToken cancellationToken)
    {
        var proposal = await proposals.FindAsync(id, cancellationToken);
        if (proposal is null)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "No such item.",
                Detail = $"No item has the id {id}.",
            });
        }

        return TypedResults.Ok(ProposalView.From(proposal, await proposals.TimelineAsync(id, cancellationToken)));
    }

    public static async Task<Results<Ok<ProposalPage>, ValidationProblem>> ListProposals(
        ProposalRepository proposals,
        CancellationToken cancellationToken,
        [FromQuery] string? kind = null,
        [FromQuery] int? sessionYear = null,
        [FromQuery] int? number = null,
        [FromQuery] int page = 1,
        [FromQuery] int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        ProposalKind? parsedKind = null;
        if (kind is not null)
        {
            if (EnumNames.TryParse<ProposalKind>(kind, out var k))
            {
                parsedKind = k;
            }
            else
            {
                errors["kind"] = [$"'{kind}' is not a kind: use Suggestion or Proposal."];
            }
        }

        if (page < 1)
        {
            errors["page"] = ["Pages start at 1."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"The page size must be between 1 and {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query is not valid.");
        }

        var (items, total) = await proposals.ListAsync(parsedKind, sessionYear, number, page, pageSize, cancellationToken);
        return TypedResults.Ok(new ProposalPage(items.Select(p => ProposalSummary.From(p)).ToList(), page, pageSize, total));
    }
}

public sealed record ProposalView(
    Guid Id,
    string Kind,
    SessionView Session,
    int Number,
    string Title,
    string Text,
    SubmitterView LeadSubmitter,
    string Topic,
    string Status,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<TimelineEntry> Timeline)
{
    public static ProposalView From(ProposalRecord p, IReadOnlyList<TimelineEntry> timeline) => new(
        p.Id,
        ((ProposalKind)p.Kind).ToString(),
        new SessionView(p.SessionYear, p.SessionTerm, p.SessionMeeting),
        p.Number,
        p.Title,
        p.Text,
        new SubmitterView(p.SubmitterName, p.SubmitterDelegation, p.Province, p.City),
        p.Topic,
        ((ProposalStage)p.Stage).ToString(),
        p.RegisteredAt,
        timeline);
}

public sealed record SessionView(int Year, int? Term, int? Meeting);

public sealed record SubmitterView(string Name, string? Delegation, string Province, string City);

public sealed record ProposalSummary(Guid Id, string Kind, int SessionYear, int Number, string Title, string Topic, string Status, DateTimeOffset RegisteredAt)
{
    public static ProposalSummary From(ProposalRecord p) => new(
        p.Id, ((ProposalKind)p.Kind).ToString(), p.SessionYear, p.Number, p.Title, p.Topic, ((ProposalStage)p.Stage).ToString(), p.RegisteredAt);
}

public sealed record ProposalPage(IReadOnlyList<ProposalSummary> Items, int Page, int PageSize, long Total);
