using System.Security.Claims;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Gateway;

namespace ProposalPlatform.UnitTests.Gateway;

public class Choosing_whose_budget_a_call_takes
{
    private static readonly RateLimitOptions Options = new();

    private static ClaimsPrincipal Token(string subject, string? clientId, params string[] roles) =>
        new(new ClaimsIdentity(
            [
                new Claim(PlatformClaims.Subject, subject),
                .. clientId is null ? [] : new[] { new Claim("client_id", clientId) },
                .. roles.Select(r => new Claim(PlatformClaims.Role, r)),
            ],
            "Bearer"));

    [Fact]
    public void Gives_the_offices_machine_client_its_larger_budget()
    {
        var (key, perSecond) = ClientRateLimits.BudgetOf(Token("office-scripts", "office-scripts", PlatformRoles.ProposalOffice), "10.0.0.1", Options);

        Assert.Equal(("subject:office-scripts", Options.OfficeClientPerSecond), (key, perSecond));
    }

    [Fact]
    public void Holds_an_office_person_and_a_district_to_the_ordinary_budget_each_their_own()
    {
        var person = ClientRateLimits.BudgetOf(Token("person-1", "platform-cli", PlatformRoles.ProposalOffice), "10.0.0.1", Options);
        var district = ClientRateLimits.BudgetOf(Token("dist-ningbo-1", "dist-ningbo-1", PlatformRoles.DistrictOfficer), "10.0.0.1", Options);

        Assert.Equal(("subject:person-1", Options.PerSecond), person);
        Assert.Equal(("subject:dist-ningbo-1", Options.PerSecond), district);
    }

    [Fact]
    public void Counts_callers_without_a_token_by_their_address()
    {
        var anonymous = ClientRateLimits.BudgetOf(new ClaimsPrincipal(new ClaimsIdentity()), "10.0.0.7", Options);

        Assert.Equal(("address:10.0.0.7", Options.AnonymousPerSecond), anonymous);
    }
}
