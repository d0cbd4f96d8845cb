using MassTransit;

namespace ProposalPlatform.IntegrationTests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class Consuming_through_the_inbox(MessagingFixture fixture)
{
    [Fact]
    public async Task The_same_message_delivered_twice_is_applied_once()
    {
        // Arrange
        var key = Guid.NewGuid();
        var messageId = NewId.NextGuid();

        // Act: the broker delivers the same message (same MessageId) twice
        await fixture.Bus.Publish(new InboxProbe(key), context => context.MessageId = messageId);
        await fixture.Bus.Publish(new InboxProbe(key), context => context.MessageId = messageId);

        // Assert: both deliveries were handled, one changed the database
        await Eventually.Until(() => Task.FromResult(fixture.Services.GetDeliveries(key)), n => n >= 2, "both deliveries to be consumed");
        Assert.Equal(1L, await fixture.QueryAsync<long>("SELECT count(*) FROM probe_applications WHERE message_key = @key", new { key }));
        Assert.Equal(1L, await fixture.QueryAsync<long>(
            "SELECT count(*) FROM processed_messages WHERE consumer = 'InboxProbeConsumer' AND message_id = @messageId", new { messageId }));
    }

    [Fact]
    public async Task Different_messages_with_the_same_content_are_each_applied()
    {
        var key = Guid.NewGuid();

        await fixture.Bus.Publish(new InboxProbe(key));
        await fixture.Bus.Publish(new InboxProbe(key));

        await Eventually.Until(() => Task.FromResult(fixture.Services.GetDeliveries(key)), n => n >= 2, "both messages to be consumed");
        Assert.Equal(2L, await fixture.QueryAsync<long>("SELECT count(*) FROM probe_applications WHERE message_key = @key", new { key }));
    }
}
