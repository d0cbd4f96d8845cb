using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Localization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using MudBlazor.Services;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Portal.Authentication;
using ProposalPlatform.Portal.Clients;

namespace ProposalPlatform.Portal.Extensions;

public static class Extensions
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var publicAddress = builder.Configuration.GetValue<Uri>($"{PortalOptions.Section}:{nameof(PortalOptions.PublicAddress)}")
            ?? throw new InvalidOperationException("Portal:PublicAddress is not configured: the gateway's public address.");
        var gateway = builder.Configuration.GetValue<Uri>($"{PortalOptions.Section}:{nameof(PortalOptions.Gateway)}") ?? new Uri($"http://{ResourceNames.Gateway}");

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            // Chinese first; English for who asks for it (the browser's language, or the culture cookie)
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
        });

        builder.Services.AddSingleton<PortalTokens>();
        builder.Services.AddScoped<SavedViews>();
        builder.Services.AddHttpClient(GatewayApi.ClientName, http => http.BaseAddress = gateway);
        builder.Services.AddHttpClient<GatewayApi>(http => http.BaseAddress = gateway);
        // an upload waits as long as intake reads, and is never retried behind the person's back: without
        // the defaults' retries and 30-second timeout (the only way to remove them is still marked experimental)
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(GatewayApi.UploadClientName, http => (http.BaseAddress, http.Timeout) = (gateway, TimeSpan.FromMinutes(30)))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddCascadingAuthenticationState();

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = ".ProposalPlatform.Portal";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                // a page not for the person's role says so (the default path is the identity service's at the gateway)
                cookie.AccessDeniedPath = "/not-yours";
                cookie.LoginPath = "/sign-in";
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = publicAddress.AbsoluteUri;
                // the identity service's discovery and token endpoint, asked through the gateway as the portal reaches it
                oidc.MetadataAddress = new Uri(gateway, ".well-known/openid-configuration").AbsoluteUri;
                oidc.RequireHttpsMetadata = false;
                oidc.ClientId = PlatformClaims.PortalClientId;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                oidc.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "offline_access", PlatformClaims.ApiScope })
                {
                    oidc.Scope.Add(scope);
                }

                oidc.MapInboundClaims = false;
                oidc.SaveTokens = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.TokenValidationParameters.NameClaimType = PlatformClaims.Name;
                oidc.TokenValidationParameters.RoleClaimType = PlatformClaims.Role;
                oidc.Events.OnTokenValidated = context => KeepSession(context);
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// The tokens stay on the server (<see cref="PortalTokens"/>); the cookie names the session, the
    /// person, their unit and roles (from the access token the token endpoint just answered, for what
    /// the pages show; every API checks the token itself).
    /// </summary>
    private static Task KeepSession(TokenValidatedContext context)
    {
        var response = context.TokenEndpointResponse ?? throw new InvalidOperationException("The sign-in came back without tokens.");
        var tokens = context.HttpContext.RequestServices.GetRequiredService<PortalTokens>();
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var expiresIn = int.TryParse(response.ExpiresIn, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : 300;
        var session = tokens.Keep(new SessionTokens(response.AccessToken, response.RefreshToken, clock.GetUtcNow().AddSeconds(expiresIn)));

        var identity = (ClaimsIdentity)context.Principal!.Identity!;
        identity.AddClaim(new Claim(PortalTokens.SessionClaim, session));
        var access = new JsonWebToken(response.AccessToken);
        foreach (var claim in access.Claims.Where(c => c.Type is PlatformClaims.Role or PlatformClaims.Unit && !identity.HasClaim(c.Type, c.Value)))
        {
            identity.AddClaim(new Claim(claim.Type, claim.Value));
        }

        if (identity.FindFirst(PlatformClaims.Name) is null && access.Claims.FirstOrDefault(c => c.Type == PlatformClaims.Name) is { } name)
        {
            identity.AddClaim(new Claim(PlatformClaims.Name, name.Value));
        }

        return Task.CompletedTask;
    }
}
