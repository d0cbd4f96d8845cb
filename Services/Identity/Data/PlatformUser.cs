using Microsoft.AspNetCore.Identity;

namespace ProposalPlatform.Identity.Data;

/// <summary>A person of the platform: ASP.NET Core Identity's account with the unit the person works in.</summary>
public sealed class PlatformUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public string UnitCode { get; set; } = "";

    /// <summary>A disabled person can neither sign in nor refresh a token; the account and its history stay.</summary>
    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The subject (sub) of whoever created the account; "bootstrap" for the first admin.</summary>
    public string CreatedBy { get; set; } = "";

    public DateTimeOffset? DisabledAt { get; set; }

    public string? DisabledBy { get; set; }
}
