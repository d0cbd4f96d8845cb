using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using ProposalPlatform.AppHost.Services;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.AppHost.Replicas;

/// <summary>
/// The copies of one service (<see cref="ReplicaOptions.Setting"/>), each a resource of its own (its built program):
/// "intake", "intake-2", … Aspire's <c>WithReplicas</c> does not fit the platform: it needs the orchestrator's
/// proxy in front of the replicas, and the services listen on their own ports with that proxy off
/// (<see cref="PlatformServiceExtensions.AddPlatformService{TProject}"/>: every request through the gateway crossed it twice). So each copy has its own
/// port (<see cref="ReplicaOptions.PortStep"/> apart), its own line in the dashboard (under the first copy)
/// and its own restarts, and the callers of the service learn every copy's address under the service's one
/// name: service discovery then spreads their calls, and the gateway gets one destination per copy.
/// </summary>
public sealed class ServiceCopies
{
    private ServiceCopies(string name, IReadOnlyList<IResourceBuilder<PlatformServiceResource>> copies)
    {
        Name = name;
        Copies = copies;
    }

    /// <summary>The service's name, the one its callers know it by.</summary>
    public string Name { get; }

    public IReadOnlyList<IResourceBuilder<PlatformServiceResource>> Copies { get; }

    /// <summary>The first copy, named as the service: what has one address only (a test's direct call, a log) uses it.</summary>
    public IResourceBuilder<PlatformServiceResource> First => Copies[0];

    /// <summary>How many copies <see cref="ReplicaOptions.Setting"/> asks for: 1 to <see cref="ReplicaOptions.Most"/>.</summary>
    public static int CountOf(IConfiguration configuration)
    {
        var count = configuration.GetValue(ReplicaOptions.Setting, 1);
        return count is >= 1 and <= ReplicaOptions.Most
            ? count
            : throw new InvalidOperationException($"{ReplicaOptions.Setting} is {count}: between 1 and {ReplicaOptions.Most} copies of every service.");
    }

    /// <summary>
    /// Adds the service's copies, each made as <paramref name="configure"/> says (the same settings for
    /// all); copy n listens on the first copy's port plus (n − 1) × <see cref="ReplicaOptions.PortStep"/>.
    /// </summary>
    public static ServiceCopies Add<TProject>(
        IDistributedApplicationBuilder builder, string name, Func<IResourceBuilder<PlatformServiceResource>, IResourceBuilder<PlatformServiceResource>> configure)
        where TProject : IProjectMetadata, new()
    {
        var first = configure(builder.AddPlatformService<TProject>(name));
        var copies = new List<IResourceBuilder<PlatformServiceResource>> { first };
        var count = CountOf(builder.Configuration);
        if (count > 1)
        {
            var port = HttpEndpoint(first.Resource).Port
                ?? throw new InvalidOperationException($"{name} has no fixed port of its own (its launch profile's) for its copies to count on from.");
            for (var copy = 2; copy <= count; copy++)
            {
                var copyPort = port + ((copy - 1) * ReplicaOptions.PortStep);
                copies.Add(configure(builder.AddPlatformService<TProject>(ResourceNames.Copy(name, copy)))
                    .WithEndpoint("http", endpoint => endpoint.Port = endpoint.TargetPort = copyPort)
                    .WithParentRelationship(first));
            }
        }

        return new ServiceCopies(name, copies);
    }

    internal static EndpointAnnotation HttpEndpoint(IResource resource) =>
        resource.Annotations.OfType<EndpointAnnotation>().Single(endpoint => endpoint.Name == "http");
}

public static class ServiceCopiesExtensions
{
    /// <summary>Adds a service in as many copies as <see cref="ReplicaOptions.Setting"/> says.</summary>
    public static ServiceCopies AddServiceCopies<TProject>(
        this IDistributedApplicationBuilder builder, string name, Func<IResourceBuilder<PlatformServiceResource>, IResourceBuilder<PlatformServiceResource>> configure)
        where TProject : IProjectMetadata, new() =>
        ServiceCopies.Add<TProject>(builder, name, configure);

    /// <summary>
    /// The caller learns every copy's address under the service's name (<c>services__intake__http__0</c>,
    /// <c>__1</c>, …), which service discovery turns into one endpoint each: its HTTP clients spread their
    /// calls over the copies, the gateway makes a destination of each.
    /// </summary>
    public static IResourceBuilder<PlatformServiceResource> WithReference(this IResourceBuilder<PlatformServiceResource> caller, ServiceCopies service)
    {
        caller.WithReference(service.First);
        for (var index = 1; index < service.Copies.Count; index++)
        {
            caller.WithEnvironment($"services__{service.Name}__http__{index}", service.Copies[index].GetEndpoint("http"));
        }

        return caller;
    }

    /// <summary>The caller starts once every copy of the service is healthy.</summary>
    public static IResourceBuilder<PlatformServiceResource> WaitFor(this IResourceBuilder<PlatformServiceResource> caller, ServiceCopies service)
    {
        foreach (var copy in service.Copies)
        {
            caller.WaitFor(copy);
        }

        return caller;
    }

    /// <summary>Each copy of the service made as <paramref name="configure"/> says.</summary>
    public static ServiceCopies Each(this ServiceCopies service, Action<IResourceBuilder<PlatformServiceResource>> configure)
    {
        foreach (var copy in service.Copies)
        {
            configure(copy);
        }

        return service;
    }
}
