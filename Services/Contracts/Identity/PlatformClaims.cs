namespace ProposalPlatform.Contracts.Identity;

/// <summary>The claims of the platform's access tokens, and what they are issued for.</summary>
public static class PlatformClaims
{
    /// <summary>The person's id or the machine client's id.</summary>
    public const string Subject = "sub";

    /// <summary>The person's or the client's display name, as every write records it.</summary>
    public const string Name = "name";

    /// <summary>The code of the unit the caller belongs to (a department, a customs district, the office).</summary>
    public const string Unit = "unit";

    public const string Role = "role";

    /// <summary>The audience of every access token: the platform's APIs.</summary>
    public const string Audience = "proposalplatform";

    /// <summary>The scope a client asks for to call the platform's APIs.</summary>
    public const string ApiScope = "api";

    /// <summary>The public client people sign in with (authorization code flow with PKCE) from tools and the API reference.</summary>
    public const string PlatformCliClientId = "platform-cli";

    /// <summary>The web portal: people sign in to it (code + PKCE) at the platform's public address.</summary>
    public const string PortalClientId = "portal";
}
