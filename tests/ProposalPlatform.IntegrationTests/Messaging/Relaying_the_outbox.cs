using System.Text.Json;
using ProposalPlatform.Infrastructure.Outbox;

namespace ProposalPlatform.IntegrationTests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class Relaying_the_outbox(MessagingFixture fixture)
{
    [Fact]
    public async Task A_message_committed_with_its_state_change_is_published_once()
    {
        // Arrange
        var key = Guid.NewGuid();

        // Act
        await using (var work = await fixture.PlatformDatabase.BeginAsync(CancellationToken.None))
        {
            await work.PublishAsync(new OutboxProbe(key), CancellationToken.None);
            await work.CommitAsync(CancellationToken.None);
        }

        // Assert
        await Eventually.Until(() => Task.FromResult(fixture.Services.GetDeliveries(key)), n => n >= 1, "the probe to arrive");
        Assert.Equal(1L, await fixture.QueryAsync<long>("SELECT count(*) FROM probe_applications WHERE message_key = @key", new { key }));
        // the relay marks the row sent once the broker has confirmed it, which may be after the consumer is done
        await Eventually.Until(
            () => fixture.QueryAsync<long>("SELECT count(*) FROM outbox_messages WHERE payload->>'key' = @key AND sent_at IS NOT NULL", new { key = key.ToString() }),
            sent => sent == 1,
            "the row marked sent");
    }

    [Fact]
    public async Task A_message_this_instance_was_not_told_of_is_found_by_the_relays_search()
    {
        // Arrange: a row committed elsewhere (another instance of the service, or before a stop)
        var key = Guid.NewGuid();

        // Act
        await fixture.QueryAsync<long>(
            "INSERT INTO outbox_messages (message_id, message_type, payload) VALUES (@id, @type, @payload::jsonb) RETURNING id",
            new
            {
                id = Guid.NewGuid(),
                type = OutboxMessageTypes.NameOf(typeof(OutboxProbe)),
                payload = JsonSerializer.Serialize(new OutboxProbe(key), OutboxMessageTypes.Json),
            });

        // Assert: the relay's search, once a second, publishes it
        await Eventually.Until(() => Task.FromResult(fixture.Services.GetDeliveries(key)), n => n >= 1, "the probe to arrive");
        Assert.Equal(1L, await fixture.QueryAsync<long>("SELECT count(*) FROM probe_applications WHERE message_key = @key", new { key }));
        // the relay marks the row sent once the broker has confirmed it, which may be after the consumer is done
        await Eventually.Until(
            () => fixture.QueryAsync<long>("SELECT count(*) FROM outbox_messages WHERE payload->>'key' = @key AND sent_at IS NOT NULL", new { key = key.ToString() }),
            sent => sent == 1,
            "the row marked sent");
    }

    [Fact]
    public async Task A_message_rolled_back_with_its_transaction_is_never_published()
    {
        var key = Guid.NewGuid();

        await using (var work = await fixture.PlatformDatabase.BeginAsync(CancellationToken.None))
        {
            await work.PublishAsync(new OutboxProbe(key), CancellationToken.None);
            // disposed without commit: rolled back
        }

        Assert.Equal(0L, await fixture.QueryAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE payload->>'key' = @key", new { key = key.ToString() }));
    }

    [Fact]
    public async Task A_message_written_while_the_broker_is_stopped_arrives_after_it_restarts()
    {
        // Arrange: the broker is down
        var key = Guid.NewGuid();
        await fixture.Broker.StopAsync();
        try
        {
            // Act: the service accepts a change and its message anyway
            await using (var work = await fixture.PlatformDatabase.BeginAsync(CancellationToken.None))
            {
                await work.PublishAsync(new OutboxProbe(key), CancellationToken.None);
                await work.CommitAsync(CancellationToken.None);
            }

            // the relay tries, fails and keeps the row
            var attempts = await Eventually.Until(
                () => fixture.QueryAsync<int>("SELECT attempts FROM outbox_messages WHERE payload->>'key' = @key", new { key = key.ToString() }),
                n => n >= 1,
                "the relay to try while the broker is down");
            Assert.True(attempts >= 1);
            Assert.Equal(0, fixture.Services.GetDeliveries(key));
        }
        finally
        {
            fixture.Broker.Start();
        }

        await fixture.WaitForBrokerAsync();

        // Assert: it goes out once the broker is back, and is applied once
        await Eventually.Until(() => Task.FromResult(fixture.Services.GetDeliveries(key)), n => n >= 1, "the probe to arrive after the restart", TimeSpan.FromMinutes(1));
        Assert.Equal(1L, await fixture.QueryAsync<long>("SELECT count(*) FROM probe_applications WHERE message_key = @key", new { key }));
    }
}
