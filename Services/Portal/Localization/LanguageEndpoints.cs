using Microsoft.AspNetCore.Localization;
using ProposalPlatform.Portal.Extensions;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Portal.Localization;

/// <summary>The language switcher: the person's choice kept in the culture cookie for a year, then back to the page.</summary>
public static class LanguageEndpoints
{
    private static readonly System.Globalization.CultureInfo[] PortalCultures = Extensions.Extensions.Cultures;

    public static IEndpointRouteBuilder MapLanguageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (!PortalCultures.Any(c => c.Name == culture))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No such language.",
                    detail: $"The portal speaks {string.Join(" and ", PortalCultures.Select(c => c.Name))}.");
            }

            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            // only a path of the portal itself
            return Results.LocalRedirect(ReturnUrls.IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
        return app;
    }
}
