using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Identity.Domain;
using ProposalPlatform.Identity.Hosting;
using ProposalPlatform.Infrastructure.Authorization;

namespace ProposalPlatform.UnitTests.Identity;

public class Configuring_the_token_server
{
    private static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Access_tokens_last_10_minutes_unless_configured()
    {
        var options = new IdentityServiceOptions { Issuer = new Uri("http://localhost:5100/") };

        Assert.Empty(Validate(options));
        Assert.Equal(TimeSpan.FromMinutes(10), options.AccessTokenLifetime);
        Assert.Equal(TimeSpan.FromHours(8), options.RefreshTokenLifetime);
    }

    [Fact]
    public void Refuses_access_tokens_longer_than_15_minutes()
    {
        var options = new IdentityServiceOptions { Issuer = new Uri("http://localhost:5100/"), AccessTokenLifetime = TimeSpan.FromMinutes(16) };

        Assert.Contains(Validate(options), r => r.MemberNames.Contains(nameof(IdentityServiceOptions.AccessTokenLifetime)));
    }

    [Fact]
    public void Refuses_a_missing_or_relative_issuer()
    {
        Assert.NotEmpty(Validate(new IdentityServiceOptions()));
        Assert.NotEmpty(Validate(new IdentityServiceOptions { Issuer = new Uri("/identity", UriKind.Relative) }));
    }

    [Fact]
    public void The_issuer_gets_the_trailing_slash_endpoints_are_named_under()
    {
        var options = new IdentityServiceOptions { Issuer = new Uri("http://localhost:5100") };

        Assert.Equal("http://localhost:5100/", options.IssuerUri.AbsoluteUri);
    }

    [Fact]
    public void A_bootstrapped_admin_needs_a_password_and_an_authenticator_key()
    {
        var results = Validate(new BootstrapOptions { AdminUserName = "office-admin", AdminAuthenticatorKey = "short" });

        Assert.Equal(
            [nameof(BootstrapOptions.AdminAuthenticatorKey), nameof(BootstrapOptions.AdminPassword)],
            results.SelectMany(r => r.MemberNames).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Records_the_caller_by_the_sub_and_name_of_the_token()
    {
        var principal = new ClaimsPrincipal(TokenClaims.ForClient("office", "建议提案办理处", "HQ-OFFICE", [PlatformRoles.ProposalOffice]));

        var caller = Caller.From(principal);

        Assert.Equal(("office", "建议提案办理处", "HQ-OFFICE"), (caller.Id, caller.Name, caller.UnitCode));
        Assert.True(caller.IsOffice);
    }
}
