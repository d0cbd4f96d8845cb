using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Identity.Data;
using ProposalPlatform.Identity.Domain;
using ProposalPlatform.Identity.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ProposalPlatform.Identity.Apis;

/// <summary>
/// The OpenID Connect endpoints where the platform decides (OpenIddict has validated the request
/// before): who gets a code, a token, and with which claims. Discovery and JWKS are OpenIddict's own.
/// </summary>
public static class ConnectApi
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("connect").WithTags("OpenID Connect");
        connect.MapMethods("authorize", [HttpMethods.Get, HttpMethods.Post], Authorize)
            .WithName("Authorize")
            .WithSummary("Authorization code flow with PKCE: the signed-in person gets a code at once (first-party clients, no consent); others go to the sign-in page first")
            .WithDescription("The OpenID Connect authorization endpoint (authorization code flow with PKCE, S256 only): a person already signed in gets a code at once; anyone else is sent to the sign-in page first, then back here. A disabled or locked-out person, or prompt=none without a session, is answered with an OAuth error to the client's redirect address.");
        connect.MapPost("token", Exchange)
            .WithName("Token")
            .WithSummary("Tokens for client_credentials (machine clients), authorization_code and refresh_token (people; a disabled or locked-out person is refused)")
            .WithDescription("The OAuth 2.0 token endpoint (form-encoded): access tokens for machine clients (client_credentials, with the client id and secret), and for people (authorization_code with the PKCE verifier, refresh_token). An unknown or revoked client, a disabled or locked-out person, or an unsupported grant is refused with an OAuth error (400).");
        connect.MapMethods("logout", [HttpMethods.Get, HttpMethods.Post], Logout)
            .WithName("EndSession")
            .WithSummary("Ends the person's session at the identity service and returns to the client's post-logout address")
            .WithDescription("Ends the person's session at the identity service and returns to the client's registered post-logout address.");
        connect.MapMethods("userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfo)
            .WithName("UserInfo")
            .WithSummary("The signed-in person's claims: sub, name, preferred_username, unit, role")
            .WithDescription("Returns the claims of the person the access token was issued to: sub, name, preferred_username, unit and role. A missing or invalid token, or one of a person who no longer exists, is refused with an OAuth error.");
        return app;
    }

    public static async Task<IResult> Authorize(HttpContext context, UserManager<PlatformUser> users, PlatformSignInManager signIn)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
        if (user is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The person is not signed in.");
            }

            // back here after the sign-in, with the same parameters
            var parameters = context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList();
            return TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }

        var refusal = SignInRules.Check(await PlatformSignInManager.StandingAsync(users, user));
        if (refusal != SignInRefusal.None)
        {
            await signIn.SignOutAsync();
            return Refuse(Errors.AccessDenied, SignInRules.Describe(refusal));
        }

        var identity = await PersonIdentityAsync(users, user);
        identity.SetScopes(request.GetScopes());
        identity.SetResources(PlatformClaims.Audience);
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: Scheme);
    }

    public static async Task<IResult> Exchange(HttpContext context, UserManager<PlatformUser> users, IOpenIddictApplicationManager applications)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted);
            if (application is null)
            {
                return Refuse(Errors.InvalidClient, "The client is not known.");
            }

            var record = ClientRecord.From(await applications.GetPropertiesAsync(application, context.RequestAborted));
            if (record.Revoked)
            {
                return Refuse(Errors.InvalidClient, "The client was revoked.");
            }

            var displayName = await applications.GetDisplayNameAsync(application, context.RequestAborted) ?? request.ClientId!;
            var identity = TokenClaims.ForClient(request.ClientId!, displayName, record.UnitCode, record.Roles);
            var scopes = request.GetScopes();
            identity.SetScopes(scopes.IsEmpty ? [PlatformClaims.ApiScope] : scopes);
            identity.SetResources(PlatformClaims.Audience);
            return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: Scheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = await context.AuthenticateAsync(Scheme);
            var subject = granted.Principal?.GetClaim(Claims.Subject);
            var user = subject is null ? null : await users.FindByIdAsync(subject);
            if (user is null)
            {
                return Refuse(Errors.InvalidGrant, "The account no longer exists.");
            }

            var refusal = SignInRules.Check(await PlatformSignInManager.StandingAsync(users, user));
            if (refusal != SignInRefusal.None)
            {
                return Refuse(Errors.InvalidGrant, SignInRules.Describe(refusal));
            }

            // the claims as they are now: a role taken away since the sign-in is gone at the next refresh
            var identity = await PersonIdentityAsync(users, user);
            identity.SetScopes(granted.Principal!.GetScopes());
            identity.SetResources(PlatformClaims.Audience);
            return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: Scheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    public static async Task<IResult> Logout(HttpContext context, PlatformSignInManager signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.SignOut(
            new AuthenticationProperties { RedirectUri = context.Request.PathBase + "/account/login" },
            [Scheme]);
    }

    public static async Task<IResult> UserInfo(HttpContext context, UserManager<PlatformUser> users)
    {
        var granted = await context.AuthenticateAsync(Scheme);
        var subject = granted.Principal?.GetClaim(Claims.Subject);
        var user = subject is null ? null : await users.FindByIdAsync(subject);
        if (user is null)
        {
            return TypedResults.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The token is not a person's.",
                }),
                [Scheme]);
        }

        return TypedResults.Ok(new Dictionary<string, object>
        {
            [PlatformClaims.Subject] = user.Id,
            [PlatformClaims.Name] = user.DisplayName,
            [Claims.PreferredUsername] = user.UserName ?? "",
            [PlatformClaims.Unit] = user.UnitCode,
            [PlatformClaims.Role] = await users.GetRolesAsync(user),
        });
    }

    private static async Task<ClaimsIdentity> PersonIdentityAsync(UserManager<PlatformUser> users, PlatformUser user) =>
        TokenClaims.ForPerson(user.Id, user.UserName ?? "", user.DisplayName, user.UnitCode, await users.GetRolesAsync(user));

    private static ForbidHttpResult Refuse(string error, string description) =>
        TypedResults.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [Scheme]);
}
