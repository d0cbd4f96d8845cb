using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Audit;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

public static class PlatformAuthentication
{
    /// <summary>The public address tokens are issued for (the gateway's), as the identity service stamps them.</summary>
    public const string IssuerSetting = "Identity:Issuer";

    /// <summary>
    /// Every request of the gateway and of each service is checked here, by itself: a bearer JWT from
    /// the identity service, its issuer, audience, signature and lifetime. The signing keys come from
    /// the identity service's discovery document (asked for directly, through service discovery, not
    /// through the gateway), are cached and refreshed in the background, so no request waits on the
    /// identity service and valid tokens keep working while it restarts. Every endpoint needs an
    /// authenticated caller unless it says <c>AllowAnonymous</c>; refusals are ProblemDetails.
    /// </summary>
    public static TBuilder AddPlatformAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var issuer = builder.Configuration[IssuerSetting]
            ?? throw new InvalidOperationException($"{IssuerSetting} is not configured: the public address of the identity service's tokens.");

        builder.Services.AddHttpClient(IdentityDocumentRetriever.ClientName,
            http => http.BaseAddress = new Uri($"http://{ResourceNames.Identity}"));
        builder.Services.AddSingleton<IdentityDocumentRetriever>();
        builder.Services.AddSingleton(sp => new IdentitySigningKeys(
            sp.GetRequiredService<IdentityDocumentRetriever>(), new Uri(new Uri(issuer), ".well-known/openid-configuration").ToString()));
        builder.Services.AddHostedService<SigningKeysWarmUp>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IdentitySigningKeys>((options, keys) =>
            {
                options.MapInboundClaims = false;
                // a token's lifetime is real time, whatever clock the service's rules run on (tests move theirs)
                options.TimeProvider = TimeProvider.System;
                options.RequireHttpsMetadata = false;
                options.ConfigurationManager = keys.Manager;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = issuer,
                    ValidAudience = PlatformClaims.Audience,
                    NameClaimType = PlatformClaims.Name,
                    RoleClaimType = PlatformClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    ValidTypes = ["at+jwt", "JWT"],
                };
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        // a token that cannot be checked yet: no request waits for the identity service to answer
                        if (!keys.Ready && context.Request.Headers.Authorization.Count > 0)
                        {
                            context.Fail(new SigningKeysUnavailableException());
                        }

                        return Task.CompletedTask;
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        if (context.AuthenticateFailure is SigningKeysUnavailableException
                            || (context.AuthenticateFailure is InvalidOperationException { Message: var message } && message.Contains("IDX20803", StringComparison.Ordinal)))
                        {
                            // the signing keys were never fetched: the identity service has not answered since this process started
                            context.Response.Headers.RetryAfter = "5";
                            await PlatformProblems.WriteAsync(context.HttpContext, StatusCodes.Status503ServiceUnavailable, "Tokens cannot be checked yet.",
                                "The identity service's signing keys have not been received yet; nothing was changed by this request. Retry shortly.");
                            return;
                        }

                        var detail = context.AuthenticateFailure switch
                        {
                            null => "Send an access token from the identity service as 'Authorization: Bearer …'.",
                            SecurityTokenExpiredException => "The access token has expired: ask the identity service for a new one.",
                            SecurityTokenInvalidAudienceException => "The access token was not issued for this platform.",
                            SecurityTokenInvalidIssuerException => "The access token was not issued by the platform's identity service.",
                            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The access token's signature is not valid.",
                            _ => "The access token is not valid.",
                        };
                        context.HttpContext.AuditRefusal(AuditOutcomes.Unauthenticated, StatusCodes.Status401Unauthorized, detail);
                        await PlatformProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication is required.", detail);
                    },
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemDetailsAuthorizationResultHandler>();
        return builder;
    }

    public static WebApplication UsePlatformAuthentication(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}

/// <summary>
/// Fetches the identity service's discovery document and signing keys from the identity service
/// itself (its name resolved by service discovery), whatever public address the document names.
/// </summary>
public sealed class IdentityDocumentRetriever(IHttpClientFactory httpClients) : IDocumentRetriever
{
    public const string ClientName = "identity-metadata";

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        var http = httpClients.CreateClient(ClientName);
        var path = new Uri(address, UriKind.Absolute).PathAndQuery;
        using var response = await http.GetAsync(path, cancel);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancel);
    }
}

/// <summary>The identity service's signing keys have not been received since this process started.</summary>
public sealed class SigningKeysUnavailableException() : Exception("The identity service's signing keys have not been received yet.");

/// <summary>Writes the ProblemDetails every refusal of the platform answers with.</summary>
public static class PlatformProblems
{
    /// <summary>The one way the platform says "not yours": a 403 whose detail names what the operation needs.</summary>
    public static ProblemDetails Forbidden(string detail) =>
        new() { Status = StatusCodes.Status403Forbidden, Title = "This operation is not yours to do.", Detail = detail };

    public static Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        WriteAsync(context, new ProblemDetails { Status = status, Title = title, Detail = detail });

    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (problem.Status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
        });
    }
}
