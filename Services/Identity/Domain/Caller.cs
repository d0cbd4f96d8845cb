using System.Security.Claims;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.Identity.Domain;

/// <summary>Who made a write, from the access token of the request: recorded beside what they changed.</summary>
public sealed record Caller(string Subject, string Name)
{
    public static Caller Of(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirst(PlatformClaims.Subject)?.Value ?? "unknown";
        return new Caller(subject, principal.FindFirst(PlatformClaims.Name)?.Value ?? subject);
    }
}
