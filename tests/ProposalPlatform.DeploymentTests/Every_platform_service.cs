using k8s.Models;
using ProposalPlatform.Contracts;
using ProposalPlatform.DeploymentTests.Kustomize;

namespace ProposalPlatform.DeploymentTests;

public class Every_platform_service
{
    private static Manifests Manifests => Manifests.Production;

    [Fact]
    public void Is_deployed_and_nothing_else_from_the_platform_images()
    {
        var deployed = Manifests.Deployments
            .Where(d => d.Spec.Template.Spec.Containers.Any(c => c.Image.StartsWith("proposalplatform/", StringComparison.Ordinal)))
            .Select(d => d.Metadata.Name)
            .Order();

        Assert.Equal(Manifests.PlatformServices.Order(), deployed);
    }

    [Theory]
    [MemberData(nameof(Manifests.ServiceNames), MemberType = typeof(Manifests))]
    public void Runs_two_replicas_or_more_of_its_own_image(string service)
    {
        var deployment = Manifests.Deployment(service);

        Assert.True(deployment.Spec.Replicas >= 2, $"{service} runs {deployment.Spec.Replicas} replicas.");
        Assert.StartsWith($"proposalplatform/{service}:", Manifests.ServiceContainer(service).Image, StringComparison.Ordinal);
        Assert.True(Manifests.Selects(deployment.Spec.Selector, deployment.Spec.Template.Metadata.Labels), $"{service}'s selector does not select its pods.");
    }

    [Theory]
    [MemberData(nameof(Manifests.ServiceNames), MemberType = typeof(Manifests))]
    public void Is_ready_on_health_and_alive_on_alive(string service)
    {
        var container = Manifests.ServiceContainer(service);
        var http = Assert.Single(container.Ports, p => p.Name == "http");

        Assert.Equal("/health", container.ReadinessProbe?.HttpGet?.Path);
        Assert.Equal("/alive", container.LivenessProbe?.HttpGet?.Path);
        foreach (var probe in new[] { container.ReadinessProbe, container.LivenessProbe, container.StartupProbe }.OfType<V1Probe>())
        {
            Assert.True(probe.HttpGet.Port.Value == http.Name || probe.HttpGet.Port.Value == http.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{service} is probed on port {probe.HttpGet.Port.Value}, not on its http port.");
        }

        Assert.Equal(http.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), Manifests.EnvironmentOf(service)["ASPNETCORE_HTTP_PORTS"].Value);
    }

    [Theory]
    [MemberData(nameof(Manifests.ServiceNames), MemberType = typeof(Manifests))]
    public void Keeps_a_replica_through_a_drain(string service)
    {
        var deployment = Manifests.Deployment(service);

        var budget = Assert.Single(Manifests.Build.All<V1PodDisruptionBudget>(), b => Manifests.Selects(b.Spec.Selector, deployment.Spec.Template.Metadata.Labels));

        var keeps = budget.Spec.MinAvailable is { } min ? int.Parse(min.Value, System.Globalization.CultureInfo.InvariantCulture)
            : deployment.Spec.Replicas!.Value - int.Parse(budget.Spec.MaxUnavailable.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(keeps, 1, deployment.Spec.Replicas!.Value - 1);
    }

    [Theory]
    [MemberData(nameof(Manifests.ServiceNames), MemberType = typeof(Manifests))]
    public void Answers_at_its_name_on_port_80(string service)
    {
        var deployment = Manifests.Deployment(service);

        var answering = Assert.Single(Manifests.Build.All<V1Service>(), s => s.Metadata.Name == service);

        Assert.True(Manifests.Selects(new V1LabelSelector { MatchLabels = answering.Spec.Selector }, deployment.Spec.Template.Metadata.Labels),
            $"The Service {service} does not select {service}'s pods.");
        var port = Assert.Single(answering.Spec.Ports);
        Assert.Equal(80, port.Port);
        Assert.Equal("http", port.TargetPort.Value);
        // the address the other services find it at (Aspire's service discovery)
        Assert.Equal($"http://{service}", Manifests.EnvironmentOf(ResourceNames.Gateway)[$"services__{service}__http__0"].Value);
    }

    [Theory]
    [MemberData(nameof(Manifests.ServiceNames), MemberType = typeof(Manifests))]
    public void Keeps_MassTransit_usage_telemetry_off(string service)
    {
        Assert.Equal("false", Manifests.EnvironmentOf(service)["MASSTRANSIT_USAGE_TELEMETRY"].Value);
    }

    [Theory]
    [MemberData(nameof(Manifests.ServiceNames), MemberType = typeof(Manifests))]
    public void Sends_its_telemetry_to_the_collector_under_its_name(string service)
    {
        var environment = Manifests.EnvironmentOf(service);

        var endpoint = new Uri(environment["OTEL_EXPORTER_OTLP_ENDPOINT"].Value);

        var collector = Assert.Single(Manifests.Build.All<V1Service>(), s => s.Metadata.Name == endpoint.Host);
        Assert.Contains(collector.Spec.Ports, p => p.Port == endpoint.Port);
        Assert.Contains(Manifests.Deployments, d => d.Metadata.Name != service
            && Manifests.Selects(new V1LabelSelector { MatchLabels = collector.Spec.Selector }, d.Spec.Template.Metadata.Labels));
        Assert.Equal(service, environment["OTEL_SERVICE_NAME"].Value);
    }

    [Theory]
    [MemberData(nameof(Manifests.ServiceNames), MemberType = typeof(Manifests))]
    public void Names_the_public_address_as_the_issuer_of_its_tokens(string service)
    {
        var publicAddress = The_public_address.OfTheIngress(Manifests);

        var environment = Manifests.EnvironmentOf(service);

        if (service == ResourceNames.Portal)
        {
            Assert.Equal(publicAddress, environment["Portal__PublicAddress"].Value);
        }
        else
        {
            Assert.Equal(publicAddress, environment["Identity__Issuer"].Value);
        }
    }

    [Theory]
    [MemberData(nameof(Manifests.ServiceNames), MemberType = typeof(Manifests))]
    public void Declares_quorum_queues_where_it_uses_the_broker(string service)
    {
        var environment = Manifests.EnvironmentOf(service);

        if (environment.ContainsKey($"ConnectionStrings__{ResourceNames.Broker}"))
        {
            Assert.Equal("quorum", environment["Messaging__QueueType"].Value);
        }
        else
        {
            Assert.Equal(ResourceNames.Portal, service);
        }
    }
}
