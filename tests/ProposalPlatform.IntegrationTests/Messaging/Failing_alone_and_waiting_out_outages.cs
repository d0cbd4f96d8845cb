using System.Text;
using MassTransit;
using RabbitMQ.Client;

namespace ProposalPlatform.IntegrationTests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class Failing_alone_and_waiting_out_outages(MessagingFixture fixture)
{
    private static readonly string ErrorQueue =
        new KebabCaseEndpointNameFormatter("messagingtests", includeNamespace: false).Consumer<PoisonableProbeConsumer>() + "_error";

    [Fact]
    public async Task A_poison_message_beside_a_thousand_healthy_ones_goes_to_the_error_queue_alone_with_its_reason()
    {
        // Arrange: 1,000 healthy probes with the poison in their midst, published at once so that they share batches
        var healthy = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()).ToList();
        var poisonId = NewId.NextGuid();

        // Act
        await Task.WhenAll(healthy.Take(500).Select(key => fixture.Bus.Publish(new PoisonableProbe(key))));
        await fixture.Bus.Publish(new PoisonableProbe(null), context => context.MessageId = poisonId);
        await Task.WhenAll(healthy.Skip(500).Select(key => fixture.Bus.Publish(new PoisonableProbe(key))));

        // Assert: every healthy probe applied once, the poison alone in _error with the exception that stopped it
        await Eventually.Until(
            () => fixture.QueryAsync<long>("SELECT count(DISTINCT message_key) FROM probe_applications WHERE message_key = ANY(@healthy)", new { healthy = healthy.ToArray() }),
            n => n == healthy.Count,
            "every healthy probe to be applied",
            TimeSpan.FromMinutes(1));
        Assert.Equal(healthy.Count, await fixture.QueryAsync<long>(
            "SELECT count(*) FROM probe_applications WHERE message_key = ANY(@healthy)", new { healthy = healthy.ToArray() }));

        await using var connection = await new ConnectionFactory { Uri = new Uri(fixture.BrokerConnectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await Eventually.Until(() => channel.MessageCountAsync(ErrorQueue), n => n >= 1, "the poison to reach the error queue");
        Assert.Equal(1u, await channel.MessageCountAsync(ErrorQueue));
        var parked = await channel.BasicGetAsync(ErrorQueue, autoAck: true);
        Assert.NotNull(parked);
        Assert.Equal(poisonId.ToString(), parked.BasicProperties.MessageId);
        var reason = Encoding.UTF8.GetString((byte[])parked.BasicProperties.Headers!["MT-Fault-Message"]!);
        Assert.Contains("message_key", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_that_meets_the_database_down_is_applied_once_it_is_back_not_parked()
    {
        // Arrange
        var key = Guid.NewGuid();
        await fixture.Database.StopAsync();

        try
        {
            // Act: the database stays away until the probe has been tried for longer than the retries of
            // before allowed (six attempts within about 8 s, then _error): the fifth attempt comes 18 s in
            await fixture.Bus.Publish(new PoisonableProbe(key));
            await Eventually.Until(
                () => Task.FromResult(fixture.Services.GetDeliveries(key)), n => n >= 5, "the probe to be tried five times while the database is away", TimeSpan.FromMinutes(1));
        }
        finally
        {
            fixture.Database.Start();
        }

        // Assert
        await Eventually.Until(
            () => TryCountAsync(key), n => n == 1, "the probe to be applied once the database is back", TimeSpan.FromMinutes(2));
        await using var connection = await new ConnectionFactory { Uri = new Uri(fixture.BrokerConnectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        Assert.Equal(0u, await channel.MessageCountAsync(ErrorQueue));
    }

    private async Task<long> TryCountAsync(Guid key)
    {
        try
        {
            return await fixture.QueryAsync<long>("SELECT count(*) FROM probe_applications WHERE message_key = @key", new { key });
        }
        catch (Npgsql.NpgsqlException)
        {
            return -1;
        }
    }
}
