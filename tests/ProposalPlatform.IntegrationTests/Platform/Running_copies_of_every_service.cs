using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using ProposalPlatform.AppHost.SelfHealing;
using ProposalPlatform.AppHost.Services;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>The AppHost's model with <c>Platform:Replicas</c> set and unset: a project resource per copy, each on a port of its own.</summary>
public sealed class Running_copies_of_every_service
{
    private static readonly string[] Replicated =
    [
        ResourceNames.Identity, ResourceNames.Intake, ResourceNames.Assignment, ResourceNames.ContactScheduling, ResourceNames.Reply,
        ResourceNames.Audit, ResourceNames.Reporting, ResourceNames.Notifications, ResourceNames.Portal,
    ];

    [Fact]
    public async Task Two_replicas_are_two_copies_of_every_service_and_the_portal_100_ports_apart_and_one_gateway()
    {
        // Arrange / Act
        var resources = await ModelAsync("--Platform:Replicas=2");

        // Assert: the first copy on its launch profile's port, the second 100 above it, shown under the first
        foreach (var service in Replicated)
        {
            var first = Port(resources, service);
            var second = resources.OfType<PlatformServiceResource>().Single(resource => resource.Name == ResourceNames.Copy(service, 2));
            Assert.Equal(first + 100, Port(resources, second.Name));
            Assert.Equal(service, second.Annotations.OfType<ResourceRelationshipAnnotation>().Single(relation => relation.Type == "Parent").Resource.Name);
        }

        Assert.Single(resources, resource => resource.Name == ResourceNames.Gateway);
        Assert.DoesNotContain(resources, resource => resource.Name == ResourceNames.Copy(ResourceNames.Gateway, 2));
        Assert.Empty(SelfHealingExtensions.FixedPortsHandedOutBy(EphemeralPorts.Parse("32768 60999", ""), resources));
    }

    [Fact]
    public async Task Unset_the_platform_runs_one_copy_of_each()
    {
        var resources = await ModelAsync();

        Assert.DoesNotContain(resources, resource => resource.Name.EndsWith("-2", StringComparison.Ordinal));
        Assert.All(Replicated, service => Assert.Single(resources, resource => resource.Name == service));
    }

    private static int Port(IEnumerable<IResource> resources, string name) =>
        resources.Single(resource => resource.Name == name).Annotations.OfType<EndpointAnnotation>().Single(endpoint => endpoint.Name == "http").Port!.Value;

    private static async Task<IReadOnlyList<IResource>> ModelAsync(params string[] settings)
    {
        var data = Directory.CreateTempSubdirectory("proposalplatform-replicas-");
        try
        {
            string[] args = ["--Infrastructure:Mode=local", $"--Infrastructure:Local:DataDirectory={data.FullName}", .. settings];
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ProposalPlatform_AppHost>(args);
            await using var app = await builder.BuildAsync();
            return [.. app.Services.GetRequiredService<DistributedApplicationModel>().Resources];
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
