using k8s.Models;
using ProposalPlatform.Contracts;
using ProposalPlatform.DeploymentTests.Kustomize;

namespace ProposalPlatform.DeploymentTests;

public class The_broker
{
    private static Manifests Manifests => Manifests.Production;

    private static RabbitmqCluster Broker => Assert.Single(Manifests.Build.All<RabbitmqCluster>());

    [Fact]
    public void Is_a_RabbitMQ_cluster_of_three_nodes_or_more()
    {
        Assert.True(Broker.Spec.Replicas >= 3, $"The broker runs {Broker.Spec.Replicas} nodes: a quorum queue needs three to lose one.");
        Assert.True(Broker.Spec.Resources?.Limits?.ContainsKey("memory") == true, "The broker's memory is not limited: its alarms follow the limit.");
        Assert.DoesNotContain("latest", Broker.Spec.Image ?? "latest", StringComparison.Ordinal);
    }

    [Fact]
    public void Loses_one_node_at_a_time_to_a_drain()
    {
        var budget = Assert.Single(Manifests.Build.All<V1PodDisruptionBudget>(),
            b => Manifests.Selects(b.Spec.Selector, new Dictionary<string, string> { ["app.kubernetes.io/name"] = Broker.Metadata.Name }));

        Assert.Equal("1", budget.Spec.MaxUnavailable?.Value);
    }

    [Theory]
    [MemberData(nameof(Manifests.ServiceNames), MemberType = typeof(Manifests))]
    public void Is_where_every_service_that_messages_connects(string service)
    {
        var environment = Manifests.EnvironmentOf(service);
        if (!environment.TryGetValue($"ConnectionStrings__{ResourceNames.Broker}", out var connection))
        {
            return;
        }

        var address = new Uri(connection.Value);

        Assert.Equal("amqp", address.Scheme);
        Assert.Equal(Broker.Metadata.Name, address.Host);
        Assert.Equal($"<{Broker.DefaultUserSecret}:username>:<{Broker.DefaultUserSecret}:password>", Uri.UnescapeDataString(address.UserInfo));
    }
}
