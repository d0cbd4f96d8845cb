using System.Security.Claims;
using OpenIddict.Abstractions;
using ProposalPlatform.Contracts.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ProposalPlatform.Identity.Domain;

/// <summary>The claims of the platform's tokens, for a person or a machine client, and where each one goes.</summary>
public static class TokenClaims
{
    public const string AuthenticationType = "ProposalPlatform";

    /// <summary>A machine client: its id is the subject, its display name the name, its unit and roles from its record.</summary>
    public static ClaimsIdentity ForClient(string clientId, string displayName, string unitCode, IEnumerable<string> roles) =>
        Build(clientId, displayName, unitCode, roles, userName: null);

    /// <summary>A person: the account's id is the subject, the display name the name; the user name goes along as preferred_username.</summary>
    public static ClaimsIdentity ForPerson(string id, string userName, string displayName, string unitCode, IEnumerable<string> roles) =>
        Build(id, displayName, unitCode, roles, userName);

    private static ClaimsIdentity Build(string subject, string name, string unitCode, IEnumerable<string> roles, string? userName)
    {
        var identity = new ClaimsIdentity(AuthenticationType, PlatformClaims.Name, PlatformClaims.Role);
        identity.SetClaim(PlatformClaims.Subject, subject)
            .SetClaim(PlatformClaims.Name, name)
            .SetClaim(PlatformClaims.Unit, unitCode)
            .SetClaims(PlatformClaims.Role, [.. roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
        if (userName is not null)
        {
            identity.SetClaim(Claims.PreferredUsername, userName);
        }

        identity.SetDestinations(Destinations);
        return identity;
    }

    /// <summary>Every claim the platform issues goes into the access token (the APIs read it) and the identity token (the client shows it).</summary>
    public static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        PlatformClaims.Subject or PlatformClaims.Name or PlatformClaims.Unit or PlatformClaims.Role or Claims.PreferredUsername
            => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [],
    };
}
