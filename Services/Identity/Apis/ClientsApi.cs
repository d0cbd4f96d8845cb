using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using ProposalPlatform.Identity.Data;
using ProposalPlatform.Identity.Domain;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Identity.Hosting;

namespace ProposalPlatform.Identity.Apis;

/// <summary>The machine clients of the platform (the customs districts' systems, tools), administered by the proposal office.</summary>
public static partial class ClientsApi
{
    public static IEndpointRouteBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/identity/clients").WithTags("Clients").RequireAuthorization(IdentityPolicies.ProposalOffice);

        api.MapPost("/", CreateClient)
            .WithName("CreateClient")
            .WithSummary("Create a confidential machine client (client credentials) of a unit with roles; its generated secret is shown once in the answer")
            .WithDescription("Creates a confidential machine client of a unit with roles, for the client credentials flow; its generated secret is shown once, in this answer only. An invalid client is refused with 400, a taken client id with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/", ListClients)
            .WithName("ListClients")
            .WithSummary("Every client, by client id, without secrets")
            .WithDescription("Lists every client (machine clients and the public sign-in client) by client id, with unit, roles and whether revoked; no secrets.");
        api.MapPost("/{clientId}/revoke", RevokeClient)
            .WithName("RevokeClient")
            .WithSummary("Revoke a machine client: it gets no new token (invalid_client); tokens already issued run out within the access token lifetime")
            .WithDescription("Revokes a machine client: it gets no new token (invalid_client), and the tokens already issued run out within the access token lifetime. An unknown client is answered 404; the public sign-in client cannot be revoked (409).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Created<CreatedClientView>, ValidationProblem, ProblemHttpResult>> CreateClient(
        NewClient request,
        HttpContext context,
        IOpenIddictApplicationManager applications,
        TimeProvider clock,
        ILoggerFactory loggers,
        IdentityDataContext database,
        IdentityAudit audit,
        CancellationToken cancellationToken)
    {
        // the change and its audit entry commit together, or neither does
        await using var transaction = await IdentityAudit.BeginAsync(database, cancellationToken);
        var (client, errors) = ClientRules.Validate(request);
        if (client is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The client is not valid.");
        }

        var clientId = client.ClientId ?? ClientRules.NewClientId(client.UnitCode, Secrets.NewShortId());
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The client id is taken.",
                Detail = $"A client with the id {clientId} exists already.",
            });
        }

        var caller = Caller.From(context.User);
        var secret = Secrets.NewClientSecret();
        var record = new ClientRecord(client.UnitCode, client.Roles, caller.Id, clock.GetUtcNow());
        await applications.CreateAsync(IdentityStartup.MachineClient(clientId, secret, client.DisplayName, record), cancellationToken);
        LogClientCreated(loggers.CreateLogger(typeof(ClientsApi)), clientId, client.UnitCode, string.Join(",", client.Roles), caller.Id);
        await audit.CommitAsync(database, transaction, caller, $"client {clientId} created: unit {client.UnitCode}, roles {string.Join(",", client.Roles)}", cancellationToken);
        return TypedResults.Created(
            $"/api/identity/clients/{clientId}",
            new CreatedClientView(clientId, secret, client.DisplayName, client.UnitCode, client.Roles));
    }

    public static async Task<Ok<List<ClientView>>> ListClients(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var views = new List<ClientView>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            views.Add(await View(applications, application, cancellationToken));
        }

        return TypedResults.Ok(views.OrderBy(v => v.ClientId, StringComparer.Ordinal).ToList());
    }

    public static async Task<Results<Ok<ClientRevocationView>, ProblemHttpResult>> RevokeClient(
        string clientId,
        HttpContext context,
        IOpenIddictApplicationManager applications,
        IOpenIddictTokenManager tokens,
        IOptions<IdentityServiceOptions> options,
        TimeProvider clock,
        ILoggerFactory loggers,
        IdentityDataContext database,
        IdentityAudit audit,
        CancellationToken cancellationToken)
    {
        // the change and its audit entry commit together, or neither does
        await using var transaction = await IdentityAudit.BeginAsync(database, cancellationToken);
        await IdentityAudit.LockClientAsync(database, clientId, cancellationToken);
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "No such client.",
                Detail = $"There is no client with the id {clientId}.",
            });
        }

        if (!await applications.HasClientTypeAsync(application, OpenIddictConstants.ClientTypes.Confidential, cancellationToken))
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Only a machine client can be revoked.",
                Detail = $"{clientId} is a public client people sign in with: disable the people instead.",
            });
        }

        var record = ClientRecord.From(await applications.GetPropertiesAsync(application, cancellationToken));
        if (!record.Revoked)
        {
            var caller = Caller.From(context.User);
            var descriptor = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(descriptor, application, cancellationToken);
            // a secret no one knows: the client's next token request fails as invalid_client
            descriptor.ClientSecret = Secrets.NewClientSecret();
            (record with { RevokedBy = caller.Id, RevokedAt = clock.GetUtcNow() }).WriteTo(descriptor.Properties);
            await applications.UpdateAsync(application, descriptor, cancellationToken);
            var id = await applications.GetIdAsync(application, cancellationToken);
            var revoked = id is null ? 0 : await tokens.RevokeByApplicationIdAsync(id, cancellationToken);
            LogClientRevoked(loggers.CreateLogger(typeof(ClientsApi)), clientId, revoked, caller.Id);
            await audit.CommitAsync(database, transaction, caller, $"client {clientId} revoked; {revoked} stored tokens revoked", cancellationToken);
        }

        var lifetime = options.Value.AccessTokenLifetime;
        return TypedResults.Ok(new ClientRevocationView(
            await View(applications, application, cancellationToken),
            $"The client {clientId} gets no new token from now on (invalid_client). Access tokens it was issued before stay valid until they expire, at most {lifetime.TotalMinutes:0} minutes from now."));
    }

    private static async Task<ClientView> View(IOpenIddictApplicationManager applications, object application, CancellationToken cancellationToken)
    {
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        var record = ClientRecord.From(properties ?? ImmutableDictionary<string, JsonElement>.Empty);
        var clientId = await applications.GetClientIdAsync(application, cancellationToken) ?? "";
        return new ClientView(
            clientId,
            await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId,
            await applications.GetClientTypeAsync(application, cancellationToken) ?? "",
            record.UnitCode,
            record.Roles,
            record.Revoked,
            record.CreatedAt,
            record.CreatedBy,
            record.RevokedAt,
            record.RevokedBy);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Client {ClientId} (unit {UnitCode}, roles {Roles}) created by {CallerSubject}")]
    private static partial void LogClientCreated(ILogger logger, string clientId, string unitCode, string roles, string callerSubject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Client {ClientId} revoked by {CallerSubject}; {RevokedTokens} stored tokens revoked")]
    private static partial void LogClientRevoked(ILogger logger, string clientId, long revokedTokens, string callerSubject);
}
