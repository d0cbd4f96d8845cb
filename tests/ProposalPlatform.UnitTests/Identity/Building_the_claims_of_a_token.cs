using System.Security.Claims;
using OpenIddict.Abstractions;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Identity.Domain;

namespace ProposalPlatform.UnitTests.Identity;

public class Building_the_claims_of_a_token
{
    [Fact]
    public void A_client_is_its_own_subject_with_the_unit_and_roles_of_its_record()
    {
        var identity = TokenClaims.ForClient("d-guangzhou-1", "广州海关", "D-GUANGZHOU", [PlatformRoles.DistrictOfficer]);

        Assert.Equal("d-guangzhou-1", identity.FindFirst(PlatformClaims.Subject)!.Value);
        Assert.Equal("广州海关", identity.FindFirst(PlatformClaims.Name)!.Value);
        Assert.Equal("D-GUANGZHOU", identity.FindFirst(PlatformClaims.Unit)!.Value);
        Assert.Equal([PlatformRoles.DistrictOfficer], identity.FindAll(PlatformClaims.Role).Select(c => c.Value));
        Assert.Null(identity.FindFirst(OpenIddictConstants.Claims.PreferredUsername));
    }

    [Fact]
    public void A_person_has_one_role_claim_per_role_and_the_display_name_as_name()
    {
        var identity = TokenClaims.ForPerson("id-1", "wang", "王处理", "HQ-TARIFF", [PlatformRoles.UnitHead, PlatformRoles.UnitHandler, PlatformRoles.UnitHead]);

        Assert.Equal("id-1", identity.FindFirst(PlatformClaims.Subject)!.Value);
        Assert.Equal("王处理", identity.Name);
        Assert.Equal("wang", identity.FindFirst(OpenIddictConstants.Claims.PreferredUsername)!.Value);
        Assert.Equal([PlatformRoles.UnitHandler, PlatformRoles.UnitHead], identity.FindAll(PlatformClaims.Role).Select(c => c.Value));
        Assert.True(new ClaimsPrincipal(identity).IsInRole(PlatformRoles.UnitHead));
    }

    [Fact]
    public void Every_claim_goes_into_the_access_token()
    {
        var identity = TokenClaims.ForPerson("id-1", "wang", "王处理", "HQ-TARIFF", [PlatformRoles.UnitHandler]);

        Assert.All(identity.Claims, claim =>
            Assert.Contains(OpenIddictConstants.Destinations.AccessToken, claim.GetDestinations()));
    }

    [Fact]
    public void A_claim_the_platform_does_not_issue_goes_nowhere()
    {
        Assert.Empty(TokenClaims.Destinations(new Claim("AspNet.Identity.SecurityStamp", "x")));
    }
}
