using k8s.Models;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.DeploymentTests;

public class The_public_address
{
    private static Manifests Manifests => Manifests.Production;

    /// <summary>The address the Ingress serves over TLS: <c>https://host/</c>.</summary>
    public static string OfTheIngress(Manifests manifests)
    {
        var ingress = Assert.Single(manifests.Build.All<V1Ingress>());
        var rule = Assert.Single(ingress.Spec.Rules);
        Assert.Contains(ingress.Spec.Tls ?? [], tls => tls.Hosts.Contains(rule.Host) && tls.SecretName is { Length: > 0 });
        return $"https://{rule.Host}/";
    }

    [Fact]
    public void Leads_every_request_to_the_gateway()
    {
        var ingress = Assert.Single(Manifests.Build.All<V1Ingress>());

        var path = Assert.Single(Assert.Single(ingress.Spec.Rules).Http.Paths);

        Assert.Equal("/", path.Path);
        Assert.Equal("Prefix", path.PathType);
        Assert.Equal(ResourceNames.Gateway, path.Backend.Service.Name);
        Assert.Contains(Manifests.Build.All<V1Service>().Single(s => s.Metadata.Name == ResourceNames.Gateway).Spec.Ports,
            p => p.Name == path.Backend.Service.Port.Name || p.Port == path.Backend.Service.Port.Number);
    }

    [Fact]
    public void Is_where_the_reminder_mails_link_to()
    {
        Assert.Equal(OfTheIngress(Manifests), Manifests.EnvironmentOf(ResourceNames.Notifications)["Notifications__PortalAddress"].Value);
    }

    [Theory]
    [InlineData(ResourceNames.Gateway)]
    [InlineData(ResourceNames.Identity)]
    [InlineData(ResourceNames.Portal)]
    public void Reaches_the_services_that_build_addresses_with_the_scheme_the_Ingress_saw(string service)
    {
        // the portal's sign-in return address and the gateway's rate limits per client follow X-Forwarded-*
        Assert.Equal("true", Manifests.EnvironmentOf(service)["ASPNETCORE_FORWARDEDHEADERS_ENABLED"].Value);
    }
}
