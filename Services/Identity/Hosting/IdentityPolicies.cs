using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.Identity.Hosting;

public static class IdentityPolicies
{
    /// <summary>A bearer token of this server, for the platform's audience, with the role ProposalOffice.</summary>
    public const string ProposalOffice = "ProposalOffice";

    public static AuthorizationBuilder AddIdentityPolicies(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(ProposalOffice, policy => policy
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireClaim(PlatformClaims.Role, PlatformRoles.ProposalOffice));
}
