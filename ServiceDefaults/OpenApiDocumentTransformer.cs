using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace ProposalPlatform.ServiceDefaults;

/// <summary>
/// What every service's document says about the whole API: what it is, whom to ask, and the
/// security schemes its operations refer to (<see cref="AuthorizationOperationTransformer"/>).
/// </summary>
public sealed class PlatformDocumentTransformer(IHostEnvironment environment) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var service = environment.ApplicationName.Split('.')[^1];
        document.Info ??= new OpenApiInfo();
        document.Info.Description =
            $"The {service} API of ProposalPlatform, the case-handling system for the suggestions of NPC deputies and the proposals of CPPCC members: "
            + "intake, assignment to handling units, contact with the submitter, formal reply and feedback. Call it through the gateway.\n\n"
            + "Every operation under /api needs an access token from the platform's identity service (OAuth 2.0, scope 'api': client credentials "
            + "for machine clients, authorization code with PKCE for people), sent as 'Authorization: Bearer <token>'. Each operation names the roles "
            + $"it needs in its description and in '{AuthorizationOperationTransformer.RequiredRolesExtension}'.\n\n"
            + "Every refusal is a ProblemDetails (application/problem+json): 401 without a valid token, 403 when the caller's roles or unit do not "
            + "allow the operation (the detail names what is needed), 404 for what does not exist and for items the caller may not see.";
        document.Info.Contact = new OpenApiContact { Name = "ProposalPlatform team" };

        foreach (var server in document.Servers ?? [])
        {
            // the gateway's root, as the service saw the request; operations' paths begin with their own '/'
            server.Url = server.Url?.TrimEnd('/');
        }

        DistinguishOperationIds(document);

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OpenApiSecuritySchemes.OAuth2] = OpenApiSecuritySchemes.OAuth2Scheme();
        document.Components.SecuritySchemes[OpenApiSecuritySchemes.Bearer] = OpenApiSecuritySchemes.BearerScheme();
        return Task.CompletedTask;
    }

    /// <summary>
    /// An endpoint mapped for several methods (the OpenID Connect endpoints take GET and POST) gives
    /// each its name as operation id; the GET keeps it and the others get their method after it, so
    /// every operation id stays unique.
    /// </summary>
    private static void DistinguishOperationIds(OpenApiDocument document)
    {
        var operations = (document.Paths ?? [])
            .SelectMany(path => path.Value.Operations ?? [])
            .Where(operation => operation.Value.OperationId is not null)
            .GroupBy(operation => operation.Value.OperationId!, StringComparer.Ordinal)
            .Where(named => named.Count() > 1);
        foreach (var named in operations)
        {
            foreach (var (method, operation) in named.Where(operation => operation.Key != HttpMethod.Get).Skip(named.Any(o => o.Key == HttpMethod.Get) ? 0 : 1))
            {
                operation.OperationId = $"{named.Key}{char.ToUpperInvariant(method.Method[0])}{method.Method[1..].ToLowerInvariant()}";
            }
        }
    }
}
