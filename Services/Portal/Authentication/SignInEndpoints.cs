using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Portal.Authentication;

/// <summary>Signing in and out: the identity service's pages do the asking (the office's second factor included).</summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sign-in", (string? returnUrl) => TypedResults.Challenge(
            // only a path of the portal itself: a sign-in never sends anyone elsewhere
            new AuthenticationProperties { RedirectUri = ReturnUrls.IsLocal(returnUrl) ? returnUrl : "/" }, [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();
        app.MapPost("/sign-out", (HttpContext http, PortalTokens tokens) =>
        {
            tokens.Forget(http.User);
            return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
        })
            .RequireAuthorization()
            // the form's antiforgery token: another site cannot sign a person out
            .WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
        return app;
    }
}
