using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProposalPlatform.AppHost.SelfHealing;

public static partial class SelfHealingExtensions
{
    /// <summary>The <see cref="RestartPolicy"/>, as <c>Platform:Restart</c> configures it (on by default).</summary>
    public static IDistributedApplicationBuilder AddRestartPolicy(this IDistributedApplicationBuilder builder)
    {
        builder.Services.AddOptions<RestartOptions>()
            .BindConfiguration(RestartOptions.Section)
            .Validate(
                restart => restart.FirstDelay > TimeSpan.Zero && restart.MaxDelay >= restart.FirstDelay && restart.HealthyFor > TimeSpan.Zero,
                $"{RestartOptions.Section}: FirstDelay and HealthyFor are longer than zero, and MaxDelay is at least FirstDelay.")
            .ValidateOnStart();
        builder.Services.AddHostedService<RestartPolicy>();
        return builder;
    }

    /// <summary>
    /// Warns at start of every fixed port of a resource (an endpoint's, or an <see cref="OwnedPortAnnotation"/>)
    /// that the kernel may hand out to an outgoing connection: a restart of that resource may then find it taken.
    /// </summary>
    public static IDistributedApplicationBuilder WarnOfPortsInTheEphemeralRange(this IDistributedApplicationBuilder builder)
    {
        builder.Eventing.Subscribe<BeforeStartEvent>((start, _) =>
        {
            if (EphemeralPorts.OfThisMachine() is { } ephemeral)
            {
                var logger = start.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EphemeralPorts));
                foreach (var (resource, name, port) in FixedPortsHandedOutBy(ephemeral, start.Model.Resources))
                {
                    LogPortInEphemeralRange(logger, port, resource, name, ephemeral.First, ephemeral.Last);
                }
            }

            return Task.CompletedTask;
        });
        return builder;
    }

    /// <summary>The fixed ports of <paramref name="resources"/> that <paramref name="ephemeral"/> may give to an outgoing connection.</summary>
    public static IReadOnlyList<(string Resource, string Name, int Port)> FixedPortsHandedOutBy(EphemeralPorts ephemeral, IEnumerable<IResource> resources) =>
        [.. resources.SelectMany(resource => FixedPorts(resource).Distinct()
            .Where(fixedPort => ephemeral.MayHandOut(fixedPort.Port))
            .Select(fixedPort => (resource.Name, fixedPort.Name, fixedPort.Port)))];

    private static IEnumerable<(string Name, int Port)> FixedPorts(IResource resource)
    {
        foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
        {
            if (endpoint.Port is { } port)
            {
                yield return (endpoint.Name, port);
            }

            if (!endpoint.IsProxied && endpoint.TargetPort is { } target)
            {
                yield return (endpoint.Name, target);
            }
        }

        foreach (var owned in resource.Annotations.OfType<OwnedPortAnnotation>())
        {
            yield return (owned.Name, owned.Port);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Port {Port} ({Resource}, {Endpoint}) lies in this machine's ephemeral port range {First}-{Last} "
        + "(net.ipv4.ip_local_port_range): an outgoing connection may be given it while the resource is down, and the resource then cannot "
        + "listen on it when it starts again. Choose a port below the range, or reserve it (net.ipv4.ip_local_reserved_ports).")]
    private static partial void LogPortInEphemeralRange(ILogger logger, int port, string resource, string endpoint, int first, int last);
}
