using Microsoft.AspNetCore.Http.HttpResults;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.Assignment.Apis;

/// <summary>
/// The keys each unit's clients call the gateway with. The proposal office issues a district its key;
/// the key is shown once and only its hash is kept. The gateway looks keys up at
/// <c>/internal/credentials/{hash}</c>, which it never routes to from outside.
/// </summary>
public static class CredentialsApi
{
    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/assignment/units/{code}/credentials").WithTags("Units");

        api.MapPost("/", IssueCredential)
            .WithName("IssueUnitCredential")
            .WithSummary("Issue a unit (a customs district, a department) a key for the gateway; the key is in this answer only");
        api.MapGet("/", ListCredentials)
            .WithName("ListUnitCredentials")
            .WithSummary("A unit's keys: when and by whom each was issued or revoked (never the keys themselves)");
        api.MapPost("/{id:guid}/revoke", RevokeCredential)
            .WithName("RevokeUnitCredential")
            .WithSummary("Revoke a unit's key: the gateway refuses it from then on");

        app.MapGet("/internal/credentials/{keyHash}", VerifyCredential).ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Created<IssuedCredential>, ValidationProblem, ProblemHttpResult>> IssueCredential(
        string code, CredentialRequest request, UnitRepository units, CredentialRepository credentials, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        Problems.Require(errors, "by", request.By, "Name who issues the key.");
        if (request.Label?.Length > 200)
        {
            errors["label"] = ["At most 200 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request is not valid.");
        }

        if (await units.FindAsync(code, cancellationToken) is null)
        {
            return UnitsApi.NoSuchUnit(code);
        }

        var key = ApiKeys.New();
        var id = MassTransit.NewId.NextGuid();
        var now = clock.GetUtcNow();
        await credentials.IssueAsync(id, code, ApiKeys.Hash(key), request.Label?.Trim(), request.By!.Trim(), now, cancellationToken);
        return TypedResults.Created($"/api/assignment/units/{code}/credentials", new IssuedCredential(id, code, key, request.Label?.Trim(), now));
    }

    public static async Task<Results<Ok<IReadOnlyList<CredentialRow>>, ProblemHttpResult>> ListCredentials(
        string code, UnitRepository units, CredentialRepository credentials, CancellationToken cancellationToken) =>
        await units.FindAsync(code, cancellationToken) is null
            ? UnitsApi.NoSuchUnit(code)
            : TypedResults.Ok(await credentials.ForUnitAsync(code, cancellationToken));

    public static async Task<Results<Ok<IReadOnlyList<CredentialRow>>, ValidationProblem, ProblemHttpResult>> RevokeCredential(
        string code, Guid id, RevokeRequest request, CredentialRepository credentials, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.By))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["by"] = ["Name who revokes the key."] }, title: "The request is not valid.");
        }

        if (!await credentials.RevokeAsync(code, id, request.By.Trim(), clock.GetUtcNow(), cancellationToken))
        {
            return Problems.NotFound("No such key.", $"Unit {code} has no key {id} that is still valid.");
        }

        return TypedResults.Ok(await credentials.ForUnitAsync(code, cancellationToken));
    }

    public static async Task<Results<Ok<CallerUnit>, NotFound>> VerifyCredential(string keyHash, CredentialRepository credentials, CancellationToken cancellationToken) =>
        await credentials.FindActiveAsync(keyHash, cancellationToken) is { } credential
            ? TypedResults.Ok(new CallerUnit(credential.UnitCode, credential.UnitKind))
            : TypedResults.NotFound();
}

public sealed record CredentialRequest(string? By, string? Label);

public sealed record RevokeRequest(string? By);

/// <param name="Key">The key itself: shown in this answer only.</param>
public sealed record IssuedCredential(Guid Id, string UnitCode, string Key, string? Label, DateTimeOffset IssuedAt);

public sealed record CallerUnit(string UnitCode, string UnitKind);
