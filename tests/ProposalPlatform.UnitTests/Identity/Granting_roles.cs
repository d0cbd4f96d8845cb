using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Identity.Domain;

namespace ProposalPlatform.UnitTests.Identity;

public class Granting_roles
{
    [Fact]
    public void Grants_each_role_once_in_its_canonical_spelling_and_order()
    {
        var (roles, error) = RoleRules.Normalize(["unithead", "UnitHandler", " UNITHEAD "]);

        Assert.Null(error);
        Assert.Equal([PlatformRoles.UnitHandler, PlatformRoles.UnitHead], roles);
    }

    [Fact]
    public void Refuses_no_role_at_all()
    {
        Assert.NotNull(RoleRules.Normalize([]).Error);
        Assert.NotNull(RoleRules.Normalize(null).Error);
    }

    [Fact]
    public void Refuses_a_role_that_does_not_exist_naming_it()
    {
        var (roles, error) = RoleRules.Normalize([PlatformRoles.Ops, "Administrator", null]);

        Assert.Empty(roles);
        Assert.Contains("Administrator", error, StringComparison.Ordinal);
        Assert.Contains("null", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Asks_a_second_factor_of_the_proposal_office_only()
    {
        Assert.True(RoleRules.RequiresSecondFactor([PlatformRoles.UnitHead, PlatformRoles.ProposalOffice]));
        Assert.False(RoleRules.RequiresSecondFactor([PlatformRoles.UnitHandler, PlatformRoles.UnitHead, PlatformRoles.DistrictOfficer, PlatformRoles.Ops]));
    }
}
