using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Identity.Data;
using ProposalPlatform.Identity.Domain;
using ProposalPlatform.Identity.Hosting;
using ProposalPlatform.Identity.Pages;
using ProposalPlatform.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ProposalPlatform.Identity.Extensions;

public static class Extensions
{
    public const string ApplicationName = "ProposalPlatform.Identity";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<IdentityServiceOptions>().BindConfiguration(IdentityServiceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // the schema (DbUp: the shared outbox and inbox, then the service's own), the outbox its audit
        // entries go through, and the bus the relay publishes them on: sign-in does not wait for the broker
        builder.AddPlatformInfrastructure(ResourceNames.Identity, ResourceNames.IdentityDatabase, typeof(Extensions).Assembly, waitForBroker: false);
        services.AddSingleton<IdentityAudit>();

        // also the database's health check, on /health; no retrying strategy: an administration write
        // and its audit entry are one transaction of the service's own
        builder.AddNpgsqlDbContext<IdentityDataContext>(ResourceNames.IdentityDatabase, settings => settings.DisableRetry = true);

        // first of the hosted services: schema, keys and bootstrap before anything reads
        services.AddSingleton<ServerKeyRing>();
        services.AddHostedService<IdentityStartup>();
        services.AddHostedService<TokenPruning>();

        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<IdentityDataContext>();

        services.AddIdentity<PlatformUser, IdentityRole>(ConfigureIdentity)
            .AddEntityFrameworkStores<IdentityDataContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<PlatformSignInManager>();
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(AccountPages.ConfigureCookie);
        services.AddAntiforgery(options => options.Cookie.Name = "pp.identity.antiforgery");

        AddTokenServer(services);

        services.AddAuthorizationBuilder().AddIdentityPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProposalPlatform.ServiceDefaults.ProblemDetailsAuthorizationResultHandler>();
        return builder;
    }

    private static void ConfigureIdentity(IdentityOptions options)
    {
        options.Password.RequiredLength = PasswordRules.MinLength;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
        options.SignIn.RequireConfirmedAccount = false;
        // the token's claims are built by the token server, not by Identity's cookie principal
        options.ClaimsIdentity.UserIdClaimType = PlatformClaims.Subject;
        options.ClaimsIdentity.UserNameClaimType = PlatformClaims.Name;
        options.ClaimsIdentity.RoleClaimType = PlatformClaims.Role;
    }

    private static void AddTokenServer(IServiceCollection services)
    {
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDataContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetConfigurationEndpointUris(".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");

                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .RequireProofKeyForCodeExchange();
                // S256 only: "plain" sends the verifier itself
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));

                server.AddEventHandler(PublicDiscoveryEndpoints.Descriptor);

                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, PlatformClaims.ApiScope);
                server.RegisterClaims(PlatformClaims.Subject, PlatformClaims.Name, PlatformClaims.Unit, PlatformClaims.Role, Claims.PreferredUsername);

                // the services read the access token themselves, with the keys of the JWKS
                server.DisableAccessTokenEncryption();

                // the platform speaks plain http on loopback behind the gateway
                server.UseAspNetCore()
                    .DisableTransportSecurityRequirement()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(PlatformClaims.Audience);
                validation.UseAspNetCore();
            });

        // issuer, lifetimes and keys come from options and the database, known only once the host runs
        services.AddOptions<OpenIddictServerOptions>()
            .Configure<IOptions<IdentityServiceOptions>, ServerKeyRing>((server, identity, keys) =>
            {
                server.Issuer = identity.Value.IssuerUri;
                server.AccessTokenLifetime = identity.Value.AccessTokenLifetime;
                server.RefreshTokenLifetime = identity.Value.RefreshTokenLifetime;
                foreach (var key in keys.SigningKeys)
                {
                    server.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
                }

                foreach (var key in keys.EncryptionKeys)
                {
                    server.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
                }
            });
    }
}
