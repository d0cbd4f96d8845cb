using Dapper;
using Npgsql;
using ProposalPlatform.Infrastructure.Outbox;

namespace ProposalPlatform.Infrastructure.Data;

/// <summary>
/// One PostgreSQL transaction of a service: its business rows, the messages it publishes (outbox)
/// and the messages it has consumed (inbox) commit or roll back together. The messages are written to
/// the outbox as the transaction commits, all in one statement: a write's event and its audit entry
/// cost one round trip, not one each.
/// </summary>
public sealed class UnitOfWork(NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxSignal signal) : IAsyncDisposable
{
    private readonly List<object> _published = [];

    public NpgsqlConnection Connection { get; } = connection;
    public NpgsqlTransaction Transaction { get; } = transaction;

    /// <summary>Queues <paramref name="message"/> for publishing once this transaction commits.</summary>
    public Task PublishAsync<T>(T message, CancellationToken cancellationToken) where T : class =>
        PublishManyAsync([message], cancellationToken);

    /// <summary>Queues many messages for publishing once this transaction commits, in the order given.</summary>
    public Task PublishManyAsync<T>(IReadOnlyCollection<T> messages, CancellationToken cancellationToken) where T : class
    {
        _published.AddRange(messages);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Records that <paramref name="consumer"/> applied <paramref name="messageId"/>; false when it
    /// already had, in which case the caller must change nothing.
    /// </summary>
    public async Task<bool> TryMarkProcessedAsync(string consumer, Guid messageId, CancellationToken cancellationToken)
    {
        var inserted = await Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO processed_messages (consumer, message_id) VALUES (@consumer, @messageId) ON CONFLICT DO NOTHING",
            new { consumer, messageId }, Transaction, cancellationToken: cancellationToken));
        return inserted == 1;
    }

    /// <summary>Records many consumed messages at once; returns the ids not applied before.</summary>
    public async Task<IReadOnlyCollection<Guid>> TryMarkProcessedAsync(string consumer, Guid[] messageIds, CancellationToken cancellationToken)
    {
        var fresh = await Connection.QueryAsync<Guid>(new CommandDefinition(
            """
            INSERT INTO processed_messages (consumer, message_id)
            SELECT @consumer, id FROM unnest(@messageIds) AS m(id)
            ON CONFLICT DO NOTHING
            RETURNING message_id
            """,
            new { consumer, messageIds }, Transaction, cancellationToken: cancellationToken));
        return fresh.ToHashSet();
    }

    /// <summary>Writes the queued messages to the outbox and commits; the relay is told of the new rows once they are committed.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var outboxRows = await OutboxWriter.InsertAsync(Connection, Transaction, _published, cancellationToken);
        await Transaction.CommitAsync(cancellationToken);
        if (outboxRows.Count > 0)
        {
            signal.Notify(outboxRows);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
