using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.UnitTests.Identity;

public class Returning_after_the_sign_in
{
    [Theory]
    [InlineData("/connect/authorize?client_id=platform-cli", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example/connect/authorize", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("http://evil.example/", false)]
    [InlineData("connect/authorize", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Goes_back_only_to_a_path_of_this_site(string? url, bool local)
    {
        Assert.Equal(local, ReturnUrls.IsLocal(url));
    }

    [Theory]
    [InlineData("http://localhost:5105/account/login?ReturnUrl=%2Fconnect", "/account/login?ReturnUrl=%2Fconnect")]
    [InlineData("/account/login?ReturnUrl=%2F", "/account/login?ReturnUrl=%2F")]
    public void Redirects_by_path_so_the_gateways_host_stays(string url, string expected)
    {
        Assert.Equal(expected, ReturnUrls.PathAndQuery(url));
    }
}
