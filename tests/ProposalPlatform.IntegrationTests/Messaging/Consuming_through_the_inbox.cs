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

    [Fact]
    public async Task A_batch_consumer_applies_a_message_delivered_twice_once_and_every_other_message()
    {
        // Arrange
        var twice = Guid.NewGuid();
        var once = Guid.NewGuid();
        var messageId = NewId.NextGuid();

        // Act: one message delivered twice (same MessageId, possibly in the same batch) and another once
        await fixture.Bus.Publish(new BatchProbe(twice), context => context.MessageId = messageId);
        await fixture.Bus.Publish(new BatchProbe(twice), context => context.MessageId = messageId);
        await fixture.Bus.Publish(new BatchProbe(once));

        // Assert (MassTransit may fold the duplicate into one delivery when both land in one batch)
        await Eventually.Until(
            () => Task.FromResult((Twice: fixture.Services.GetDeliveries(twice), Once: fixture.Services.GetDeliveries(once))),
            n => n.Twice >= 1 && n.Once >= 1,
            "both messages to be consumed");
        Assert.Equal(1L, await fixture.QueryAsync<long>("SELECT count(*) FROM probe_applications WHERE message_key = @twice", new { twice }));
        Assert.Equal(1L, await fixture.QueryAsync<long>("SELECT count(*) FROM probe_applications WHERE message_key = @once", new { once }));
    }

    [Fact]
    public async Task Marking_a_batch_processed_gives_back_only_the_messages_not_applied_before()
    {
        // Arrange
        var first = NewId.NextGuid();
        var second = NewId.NextGuid();
        IReadOnlyCollection<Guid> marked;
        await using (var work = await fixture.PlatformDatabase.BeginAsync(CancellationToken.None))
        {
            marked = await work.TryMarkProcessedAsync("BatchInboxTest", [first, first, second], CancellationToken.None);
            await work.CommitAsync(CancellationToken.None);
        }

        // Act: the same messages come again
        IReadOnlyCollection<Guid> again;
        await using (var work = await fixture.PlatformDatabase.BeginAsync(CancellationToken.None))
        {
            again = await work.TryMarkProcessedAsync("BatchInboxTest", [second, first], CancellationToken.None);
            await work.CommitAsync(CancellationToken.None);
        }

        // Assert
        Assert.Equal(new[] { first, second }.Order(), marked.Order());
        Assert.Empty(again);
    }
}
