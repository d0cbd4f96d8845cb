using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ProposalPlatform.Infrastructure.Messaging;
using RabbitMQ.Client;

namespace ProposalPlatform.IntegrationTests.Messaging;

/// <summary>A message type an earlier version of a service subscribed to.</summary>
public record RetiredProbe(Guid Key);

[Collection(MessagingCollection.Name)]
public sealed class Retiring_a_subscription(MessagingFixture fixture)
{
    [Fact]
    public async Task A_queue_an_earlier_version_bound_receives_no_more_of_the_messages_it_gave_up()
    {
        // Arrange: the topology MassTransit left for an endpoint that took RetiredProbe, and a queue
        // that still takes it, to know when a publish has been routed
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (retired, control) = ($"retired-probe-{suffix}", $"control-probe-{suffix}");
        Assert.True(fixture.Bus.Topology.TryGetPublishAddress(typeof(RetiredProbe), out var address));
        var messageExchange = Uri.UnescapeDataString(address.Segments[^1]);

        await using var connection = await new ConnectionFactory { Uri = new Uri(fixture.BrokerConnectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(messageExchange, ExchangeType.Fanout, durable: true);
        foreach (var endpoint in new[] { retired, control })
        {
            await channel.ExchangeDeclareAsync(endpoint, ExchangeType.Fanout, durable: true, autoDelete: true);
            await channel.QueueDeclareAsync(endpoint, durable: false, exclusive: false, autoDelete: true);
            await channel.QueueBindAsync(endpoint, endpoint, routingKey: "");
            await channel.ExchangeBindAsync(endpoint, messageExchange, routingKey: "");
        }

        var remover = new RetiredSubscriptionRemover(
            [new RetiredSubscription(_ => retired, typeof(RetiredProbe))],
            fixture.Services.GetRequiredService<IBusRegistrationContext>(),
            fixture.Bus,
            fixture.Services.GetRequiredService<IConfiguration>(),
            NullLogger<RetiredSubscriptionRemover>.Instance);

        // Act
        await remover.StartAsync(CancellationToken.None);
        await fixture.Bus.Publish(new RetiredProbe(Guid.NewGuid()));

        // Assert
        await Eventually.Until(() => channel.MessageCountAsync(control), n => n == 1, "the probe to reach the queue still subscribed");
        Assert.Equal(0u, await channel.MessageCountAsync(retired));
    }

    [Fact]
    public async Task Nothing_is_unbound_where_the_endpoint_never_existed()
    {
        var remover = new RetiredSubscriptionRemover(
            [new RetiredSubscription(_ => $"never-declared-{Guid.NewGuid():N}", typeof(RetiredProbe))],
            fixture.Services.GetRequiredService<IBusRegistrationContext>(),
            fixture.Bus,
            fixture.Services.GetRequiredService<IConfiguration>(),
            NullLogger<RetiredSubscriptionRemover>.Instance);

        var start = await Record.ExceptionAsync(() => remover.StartAsync(CancellationToken.None));

        Assert.Null(start);
    }
}
