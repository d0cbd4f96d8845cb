using System.ComponentModel.DataAnnotations;

namespace ProposalPlatform.Portal;

/// <summary>Where the portal is reached and signs people in (section <c>Portal</c>; the issuer is the identity service's setting).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// The platform's public address (the gateway's), where the portal is served and whose APIs it
    /// calls with the signed-in person's token; the same address issues the tokens.
    /// </summary>
    [Required]
    public Uri? PublicAddress { get; set; }

    /// <summary>The gateway as the portal reaches it (service discovery), for the API calls and the token endpoint.</summary>
    [Required]
    public Uri? Gateway { get; set; }
}
