namespace ProposalPlatform.ServiceDefaults;

/// <summary>Where a sign-in (the identity service's pages, the portal's) may send a person back to: a path of this site, never another site.</summary>
public static class ReturnUrls
{
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 }
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>The path and query of a URL (relative ones as they are): the public host is the gateway's, not the one this service saw.</summary>
    public static string PathAndQuery(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.PathAndQuery : url;
}
