using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.ServiceDefaults;

/// <summary>
/// Says in each operation who may call it, read from the same metadata the authorization middleware
/// enforces (the endpoint's <see cref="IAuthorizeData"/> and <see cref="AuthorizationPolicy"/>, named
/// policies resolved by the <see cref="IAuthorizationPolicyProvider"/>, the fallback policy), so that
/// the roles are written once, where they are checked. A protected operation gets the security
/// requirement, its roles (description and <see cref="RequiredRolesExtension"/>) and its 401 and 403
/// answers; one with an identifier in its path, its 404. Anonymous operations get none of it.
/// </summary>
public sealed class AuthorizationOperationTransformer(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    public const string RequiredRolesExtension = "x-required-roles";
    public const string ProblemContentType = "application/problem+json";
    private const string ProblemSchemaId = nameof(ProblemDetails);

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any()
            || await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>()) is not { } policy)
        {
            return;
        }

        var document = context.Document ?? throw new InvalidOperationException("The operation's document is not known to its transformer.");
        var roles = RequiredRoles(policy);

        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSecuritySchemes.OAuth2, document)] = [OpenApiSecuritySchemes.ApiScope] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSecuritySchemes.Bearer, document)] = [] },
        ];
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[RequiredRolesExtension] = new JsonNodeExtension(new JsonArray([.. (roles ?? []).Select(r => JsonValue.Create(r))]));

        var who = roles switch
        {
            null => "any caller with a valid access token",
            [] => "a role no caller can hold (its role requirements exclude each other)",
            [var only] => $"the role {only}",
            _ => $"one of the roles {string.Join(", ", roles.Take(roles.Count - 1))} or {roles[^1]}",
        };
        operation.Description = string.IsNullOrWhiteSpace(operation.Description)
            ? $"Requires {who}."
            : $"{operation.Description.TrimEnd()}\n\nRequires {who}.";

        var problem = await ProblemSchemaAsync(document, context, cancellationToken);
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd(StatusCodes.Status401Unauthorized.ToString(), Unauthorized(problem));
        operation.Responses.TryAdd(StatusCodes.Status403Forbidden.ToString(), Problem(problem, roles is null
            ? "The token is valid but what the operation touches is not the caller's unit's to do; the detail names what is needed."
            : $"The token is valid but the caller does not hold {who}, or what the operation touches is not the caller's unit's to do; the detail names what is needed."));
        if (context.Description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path))
        {
            operation.Responses.TryAdd(StatusCodes.Status404NotFound.ToString(), Problem(problem,
                "Nothing exists under that identifier, or it is not the caller's to see: an item of another unit is answered as unknown."));
        }
    }

    /// <summary>
    /// The roles of which the caller needs one: each role requirement of the policy must hold, so a
    /// caller needs a role every one of them allows. Null when the policy asks for no role at all.
    /// </summary>
    public static IReadOnlyList<string>? RequiredRoles(AuthorizationPolicy policy)
    {
        IEnumerable<string>? roles = null;
        foreach (var requirement in policy.Requirements)
        {
            var allowed = requirement switch
            {
                RolesAuthorizationRequirement r => r.AllowedRoles,
                ClaimsAuthorizationRequirement { ClaimType: PlatformClaims.Role, AllowedValues: { } values } => values,
                _ => null,
            };
            if (allowed is not null)
            {
                roles = roles is null ? allowed : roles.Intersect(allowed, StringComparer.Ordinal);
            }
        }

        return roles?.Distinct(StringComparer.Ordinal).ToList();
    }

    private static async Task<OpenApiSchemaReference> ProblemSchemaAsync(OpenApiDocument document, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas?.ContainsKey(ProblemSchemaId) is not true)
        {
            document.AddComponent<IOpenApiSchema>(ProblemSchemaId, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken));
        }

        return new OpenApiSchemaReference(ProblemSchemaId, document);
    }

    private static OpenApiResponse Unauthorized(IOpenApiSchema problem)
    {
        var response = Problem(problem, "No valid access token: none was sent, or it has expired, or it was not issued by the platform's identity service for this platform.");
        response.Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["WWW-Authenticate"] = new OpenApiHeader { Description = "The scheme to authenticate with: Bearer.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        return response;
    }

    private static OpenApiResponse Problem(IOpenApiSchema problem, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { [ProblemContentType] = new() { Schema = problem } },
    };
}
