using Microsoft.Extensions.DependencyInjection;
using ProposalPlatform.Infrastructure.Retention;

namespace ProposalPlatform.IntegrationTests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class Purging_old_outbox_rows_and_inbox_ids(MessagingFixture fixture)
{
    [Fact]
    public async Task Only_sent_rows_and_applied_ids_past_their_age_go()
    {
        // Arrange: rows sent 8 days ago, not sent though 8 days old, sent an hour ago; ids applied 31 days and an hour ago
        var key = Guid.NewGuid().ToString();
        foreach (var (age, sent) in new[] { (TimeSpan.FromDays(8), true), (TimeSpan.FromDays(8), false), (TimeSpan.FromHours(1), true) })
        {
            await fixture.QueryAsync<long>(
                """
                INSERT INTO outbox_messages (message_id, message_type, payload, created_at, sent_at)
                VALUES (gen_random_uuid(), 'retention-probe', jsonb_build_object('key', @key, 'sent', @sent), now() - @age, CASE WHEN @sent THEN now() - @age END)
                RETURNING id
                """,
                new { key, age, sent });
        }

        var oldId = Guid.NewGuid();
        var recentId = Guid.NewGuid();
        await fixture.QueryAsync<int>(
            """
            WITH inserted AS (
                INSERT INTO processed_messages (consumer, message_id, processed_at)
                VALUES ('retention-probe', @oldId, now() - interval '31 days'), ('retention-probe', @recentId, now() - interval '1 hour')
                RETURNING 1)
            SELECT count(*)::int FROM inserted
            """,
            new { oldId, recentId });

        // Act
        await fixture.Services.GetRequiredService<MessageRetention>().PurgeAsync(CancellationToken.None);

        // Assert
        Assert.Equal(2L, await fixture.QueryAsync<long>("SELECT count(*) FROM outbox_messages WHERE payload->>'key' = @key", new { key }));
        Assert.Equal(0L, await fixture.QueryAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE payload->>'key' = @key AND sent_at < now() - interval '7 days'", new { key }));
        Assert.Equal(1L, await fixture.QueryAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE payload->>'key' = @key AND sent_at IS NULL", new { key }));
        Assert.Equal([recentId], (await fixture.QueryAsync<Guid[]>(
            "SELECT array_agg(message_id) FROM processed_messages WHERE consumer = 'retention-probe'")).ToList());
    }
}
