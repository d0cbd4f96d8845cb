using System.Text.Json;
using Dapper;
using Npgsql;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Outbox;

namespace ProposalPlatform.Reporting.Data;

/// <summary>An event as it came off the broker.</summary>
public sealed record ArrivedEvent(Guid MessageId, object Message);

/// <summary>An event of the log: its place in it and the message.</summary>
public sealed record LoggedEvent(long Seq, object Message);

/// <summary>
/// The append-only log of every event reporting received, and the one way into the views: an event is
/// appended and applied in one transaction, once. Appends share a lock that a rebuild takes alone, so
/// nothing is appended while the views are being replayed.
/// </summary>
public sealed class EventLog(PlatformDatabase database, TimeProvider clock)
{
    /// <summary>The advisory lock appends share and a rebuild holds alone.</summary>
    internal const long ViewsLock = 0x7265706f7274; // "report"

    public async Task<int> AppendAsync(IReadOnlyList<ArrivedEvent> arrived, CancellationToken cancellationToken)
    {
        // a message redelivered in the same batch is one event, and so is a fact published twice
        var events = arrived.DistinctBy(e => e.MessageId)
            .Select(e => (Arrived: e, Type: OutboxMessageTypes.NameOf(e.Message.GetType()), Body: JsonSerializer.Serialize(e.Message, e.Message.GetType(), OutboxMessageTypes.Json)))
            .Select(e => (e.Arrived, e.Type, e.Body, FactKey: FactKey(e.Type, e.Body)))
            .DistinctBy(e => Convert.ToHexString(e.FactKey))
            .ToList();
        await using var work = await database.BeginAsync(cancellationToken);
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock_shared(@ViewsLock)", new { ViewsLock }, work.Transaction, cancellationToken: cancellationToken));
        var fresh = (await work.Connection.QueryAsync<(long Seq, Guid MessageId)>(new CommandDefinition(
            """
            INSERT INTO event_log (message_id, event_type, received_at, body, fact_key)
            SELECT id, type, @ReceivedAt, body::jsonb, fact FROM unnest(@Ids, @Types, @Bodies, @Facts) AS e(id, type, body, fact)
            ON CONFLICT DO NOTHING
            RETURNING seq, message_id
            """,
            new
            {
                Ids = events.Select(e => e.Arrived.MessageId).ToArray(),
                Types = events.Select(e => e.Type).ToArray(),
                Bodies = events.Select(e => e.Body).ToArray(),
                Facts = events.Select(e => e.FactKey).ToArray(),
                ReceivedAt = clock.GetUtcNow().UtcDateTime,
            },
            work.Transaction, cancellationToken: cancellationToken))).ToDictionary(r => r.MessageId, r => r.Seq);

        if (fresh.Count > 0)
        {
            var logged = events.Where(e => fresh.ContainsKey(e.Arrived.MessageId)).Select(e => new LoggedEvent(fresh[e.Arrived.MessageId], e.Arrived.Message)).ToList();
            await ViewProjection.ApplyAsync(work, logged, cancellationToken);
        }

        await work.CommitAsync(cancellationToken);
        return fresh.Count;
    }

    /// <summary>What makes two events one fact: the same type and the same body (every event names its item, its round or step and when).</summary>
    public static byte[] FactKey(string eventType, string body) =>
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{eventType}\n{body}"));

    /// <summary>The log from after <paramref name="afterSeq"/>, a page at a time, each event read back as the message it was.</summary>
    public static async Task<IReadOnlyList<LoggedEvent>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(long Seq, string EventType, string Body)>(new CommandDefinition(
            "SELECT seq, event_type, body::text FROM event_log WHERE seq > @afterSeq ORDER BY seq LIMIT @limit",
            new { afterSeq, limit }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new LoggedEvent(r.Seq,
            JsonSerializer.Deserialize(r.Body, OutboxMessageTypes.Resolve(r.EventType), OutboxMessageTypes.Json)
            ?? throw new InvalidOperationException($"Event {r.Seq} of the log is empty.")))];
    }
}
