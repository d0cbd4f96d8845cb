using Microsoft.AspNetCore.Components;

namespace ProposalPlatform.Portal.Clients;

/// <summary>Leaving a page for one of the portal's own endpoints, and coming back to it.</summary>
public static class PortalNavigation
{
    /// <summary>The page the person is on, escaped for a query: the local path the endpoint sends them back to.</summary>
    public static string ReturnUrl(this NavigationManager navigation) => Uri.EscapeDataString("/" + navigation.ToBaseRelativePath(navigation.Uri));

    /// <summary>To the identity service's sign-in (a whole page load), then back to this page.</summary>
    public static void SignIn(this NavigationManager navigation) => navigation.NavigateTo($"sign-in?returnUrl={navigation.ReturnUrl()}", forceLoad: true);
}
