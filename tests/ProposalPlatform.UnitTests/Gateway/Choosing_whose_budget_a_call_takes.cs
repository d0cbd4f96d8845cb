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

    private static readonly ClaimsPrincipal OfficeClient = Token("office-scripts", "office-scripts", PlatformRoles.ProposalOffice);

    [Fact]
    public void Gives_the_offices_machine_client_its_larger_budgets()
    {
        Assert.Equal(("calls:subject:office-scripts", Options.OfficeClientPerSecond), ClientRateLimits.BudgetOf(Budget.Calls, OfficeClient, "10.0.0.1", Options));
        Assert.Equal(("batches:subject:office-scripts", Options.OfficeClientBatchesPerSecond), ClientRateLimits.BudgetOf(Budget.Batches, OfficeClient, "10.0.0.1", Options));
        Assert.Equal(("searches:subject:office-scripts", Options.OfficeClientSearchesPerSecond), ClientRateLimits.BudgetOf(Budget.Searches, OfficeClient, "10.0.0.1", Options));
    }

    [Fact]
    public void Holds_an_office_person_and_a_district_to_the_ordinary_budgets_each_their_own()
    {
        var person = Token("person-1", "platform-cli", PlatformRoles.ProposalOffice);
        var district = Token("dist-ningbo-1", "dist-ningbo-1", PlatformRoles.DistrictOfficer);

        Assert.Equal(("calls:subject:person-1", Options.PerSecond), ClientRateLimits.BudgetOf(Budget.Calls, person, "10.0.0.1", Options));
        Assert.Equal(("batches:subject:person-1", Options.BatchesPerSecond), ClientRateLimits.BudgetOf(Budget.Batches, person, "10.0.0.1", Options));
        Assert.Equal(("calls:subject:dist-ningbo-1", Options.PerSecond), ClientRateLimits.BudgetOf(Budget.Calls, district, "10.0.0.1", Options));
        Assert.Equal(("searches:subject:dist-ningbo-1", Options.SearchesPerSecond), ClientRateLimits.BudgetOf(Budget.Searches, district, "10.0.0.1", Options));
    }

    [Fact]
    public void Keeps_a_clients_batches_and_searches_apart_from_its_other_calls_and_smaller()
    {
        var keys = Enum.GetValues<Budget>().Select(b => ClientRateLimits.BudgetOf(b, OfficeClient, null, Options).Key).ToList();

        Assert.Equal(3, keys.Distinct().Count());
        Assert.True(Options.OfficeClientBatchesPerSecond < Options.OfficeClientSearchesPerSecond && Options.OfficeClientSearchesPerSecond < Options.OfficeClientPerSecond);
        Assert.True(Options.BatchesPerSecond < Options.SearchesPerSecond && Options.SearchesPerSecond < Options.PerSecond);
        Assert.Equal(3, ClientRateLimits.Policies.Values.Distinct().Count());
    }

    [Fact]
    public void Counts_callers_without_a_token_by_their_address()
    {
        var anonymous = ClientRateLimits.BudgetOf(Budget.Calls, new ClaimsPrincipal(new ClaimsIdentity()), "10.0.0.7", Options);

        Assert.Equal(("calls:address:10.0.0.7", Options.AnonymousPerSecond), anonymous);
    }

    [Theory]
    [InlineData(1, 1, 1000)]
    [InlineData(15, 15, 1000)]
    [InlineData(20, 2, 100)]
    [InlineData(1000, 100, 100)]
    public void Refills_a_bucket_at_its_rate(int perSecond, int tokensPerPeriod, int periodMilliseconds)
    {
        var bucket = ClientRateLimits.Bucket(perSecond, burstSeconds: 2);

        Assert.Equal((perSecond * 2, tokensPerPeriod, TimeSpan.FromMilliseconds(periodMilliseconds)), (bucket.TokenLimit, bucket.TokensPerPeriod, bucket.ReplenishmentPeriod));
        Assert.Equal(perSecond, bucket.TokensPerPeriod * (1000 / periodMilliseconds));
    }
}
