using ProposalPlatform.Identity.Hosting;

namespace ProposalPlatform.UnitTests.Identity;

public class Publishing_the_discovery_document
{
    private static readonly Uri Issuer = new("http://localhost:5100/");

    [Fact]
    public void Names_an_endpoint_under_the_issuer_whatever_address_the_request_came_to()
    {
        var endpoint = PublicDiscoveryEndpoints.Public(new Uri("http://localhost:5105/connect/token"), new Uri("http://localhost:5105/"), Issuer);

        Assert.Equal("http://localhost:5100/connect/token", endpoint!.AbsoluteUri);
    }

    [Fact]
    public void Keeps_the_path_of_an_issuer_that_has_one()
    {
        var endpoint = PublicDiscoveryEndpoints.Public(new Uri("http://10.0.0.5:5105/.well-known/jwks"), new Uri("http://10.0.0.5:5105"), new Uri("https://platform.example/identity"));

        Assert.Equal("https://platform.example/identity/.well-known/jwks", endpoint!.AbsoluteUri);
    }

    [Fact]
    public void Leaves_an_endpoint_elsewhere_and_a_missing_one_alone()
    {
        Assert.Equal("https://other.example/token", PublicDiscoveryEndpoints.Public(new Uri("https://other.example/token"), new Uri("http://localhost:5105/"), Issuer)!.AbsoluteUri);
        Assert.Null(PublicDiscoveryEndpoints.Public(null, new Uri("http://localhost:5105/"), Issuer));
    }
}
