using Microsoft.OpenApi;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.ServiceDefaults;

/// <summary>
/// How a caller gets the access token every <c>/api</c> operation needs, as each service's OpenAPI
/// document declares it. The addresses are relative: the documents are read through the gateway,
/// which serves the identity service's endpoints at the same paths.
/// </summary>
public static class OpenApiSecuritySchemes
{
    /// <summary>OAuth 2.0 with the identity service: client credentials for machine clients, authorization code with PKCE for people.</summary>
    public const string OAuth2 = "oauth2";

    /// <summary>An access token already in hand, pasted as it is.</summary>
    public const string Bearer = "bearer";

    public const string TokenPath = "/connect/token";
    public const string AuthorizationPath = "/connect/authorize";

    /// <summary>The one scope an access token for the platform's APIs asks for.</summary>
    public const string ApiScope = PlatformClaims.ApiScope;

    public static OpenApiSecurityScheme OAuth2Scheme()
    {
        var scopes = new Dictionary<string, string> { [ApiScope] = "Call the platform's APIs, with the roles and unit of the client or person." };
        return new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Access tokens from the platform's identity service. Machine clients use client credentials (a client id and secret "
                + "issued by the proposal office); people sign in through the authorization code flow with PKCE (S256). "
                + "The token's role and unit claims decide what the caller may do.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri(TokenPath, UriKind.Relative),
                    Scopes = scopes,
                },
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri(AuthorizationPath, UriKind.Relative),
                    TokenUrl = new Uri(TokenPath, UriKind.Relative),
                    Scopes = new Dictionary<string, string>(scopes),
                },
            },
        };
    }

    public static OpenApiSecurityScheme BearerScheme() => new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        BearerFormat = "JWT",
        Description = "An access token (a JWT) from the identity service's token endpoint, sent as 'Authorization: Bearer <token>'.",
    };
}
