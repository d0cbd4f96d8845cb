using System.Diagnostics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Npgsql;

namespace ProposalPlatform.Infrastructure.Outbox;

/// <summary>Writes messages to <c>outbox_messages</c> in the caller's transaction; the relay publishes them once it commits.</summary>
public static class OutboxWriter
{
    /// <summary>Inserts the messages in one statement; returns their rows' ids, for <see cref="OutboxSignal.Notify"/> after the commit.</summary>
    public static async Task<IReadOnlyList<long>> InsertAsync<T>(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<T> messages, CancellationToken cancellationToken) where T : class
    {
        if (messages.Count == 0)
        {
            return [];
        }

        var ids = new Guid[messages.Count];
        var types = new string[messages.Count];
        var payloads = new string[messages.Count];
        var index = 0;
        foreach (var message in messages)
        {
            ids[index] = NewId.NextGuid();
            types[index] = OutboxMessageTypes.NameOf(message.GetType());
            payloads[index] = JsonSerializer.Serialize(message, message.GetType(), OutboxMessageTypes.Json);
            index++;
        }

        return (await connection.QueryAsync<long>(new CommandDefinition(
            """
            INSERT INTO outbox_messages (message_id, message_type, payload, trace_parent)
            SELECT id, type, payload::jsonb, @TraceParent
            FROM unnest(@ids, @types, @payloads) AS m(id, type, payload)
            RETURNING id
            """,
            new { ids, types, payloads, TraceParent = Activity.Current?.Id },
            transaction, cancellationToken: cancellationToken))).AsList();
    }
}
