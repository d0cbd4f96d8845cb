using System.Diagnostics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;

namespace ProposalPlatform.Infrastructure.Outbox;

/// <summary>
/// Publishes the rows of <c>outbox_messages</c> that are not yet sent: in batches taken with
/// <c>FOR UPDATE SKIP LOCKED</c> (so several instances never publish the same row at once), marking
/// each row sent once the broker has it and recording errors for a later retry otherwise. A row is
/// never dropped: a message accepted while the broker is down goes out when it is back. Each message
/// keeps its outbox id as MassTransit's MessageId, so a row published twice is applied once by the
/// consumers' inbox.
/// <para>
/// The rows this instance has just committed are taken by their keys (<see cref="OutboxSignal"/>).
/// Once every poll interval the relay searches the table for any unsent row instead: rows of other
/// instances, of a stop before they went out, and those due for a retry. The search must step over
/// every row sent since the last vacuum that an open transaction may still see; done for every
/// commit, it cost more than anything else the databases did per item, up to 50 ms a time.
/// </para>
/// </summary>
public sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    public static readonly ActivitySource ActivitySource = new("ProposalPlatform.Outbox");

    private readonly OutboxOptions _options = options.Value;
    private long? _lastSearch;
    private bool _searchAgain;

    // Publishes in a row that all failed because the broker is away: the relay then waits before it
    // tries again, a little longer each time and never in step with the other services' relays, and
    // tries one row before a batch. Without it every commit made one connection attempt (thousands a
    // minute in an outage).
    private int _brokerAwayRounds;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        signal.RunChunksAsync(RelayBatchAsync, _options.BatchSize, _options.PollInterval, ex => LogBatchFailed(logger, ex), stoppingToken);

    /// <summary>Publishes one batch; returns how many rows it took.</summary>
    public async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        if (_brokerAwayRounds > 0)
        {
            await Task.Delay(Jittered(RetryDelay(_brokerAwayRounds)), clock, cancellationToken);
        }

        // A search that came back full is followed by another: a backlog goes out without pauses.
        var search = _searchAgain || _lastSearch is not { } last || clock.GetElapsedTime(last) >= _options.PollInterval;
        var committed = search ? [] : signal.TakeCommitted(_options.BatchSize);
        if (!search && committed.Length == 0)
        {
            return 0;
        }

        // The relay's own queries run for every commit and every second; traced, they would bury the
        // requests' traces in the dashboard. Each publish below is traced, as part of the request
        // that wrote the row.
        var untraced = SuppressInstrumentationScope.Begin();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        if (search)
        {
            _lastSearch = clock.GetTimestamp();
        }

        var batchSize = _brokerAwayRounds > 0 ? 1 : _options.BatchSize;
        var rows = (await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            search
                ? $"""
                  {SelectRows}
                  WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                  ORDER BY id
                  LIMIT @batchSize
                  FOR UPDATE SKIP LOCKED
                  """
                : $"""
                  {SelectRows}
                  WHERE id = ANY(@committed) AND sent_at IS NULL
                  ORDER BY id
                  LIMIT @batchSize
                  FOR UPDATE SKIP LOCKED
                  """,
            new { batchSize, committed }, transaction, cancellationToken: cancellationToken))).AsList();

        untraced.Dispose();
        _searchAgain = search && rows.Count >= batchSize;
        if (rows.Count == 0)
        {
            // taken by a search a moment before, or by another instance: there may be more to take
            return committed.Length;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        var outcomes = await Task.WhenAll(rows.Select(row => PublishAsync(row, timeout.Token)));
        using var untracedUpdates = SuppressInstrumentationScope.Begin();

        var sent = outcomes.Where(o => o.Error is null).Select(o => o.Row.Id).ToArray();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox_messages SET sent_at = now(), last_error = NULL WHERE id = ANY(@sent)",
            new { sent }, transaction, cancellationToken: cancellationToken));

        foreach (var failed in outcomes.Where(o => o.Error is not null))
        {
            var delay = RetryDelay(failed.Row.Attempts + 1);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE outbox_messages
                SET attempts = attempts + 1, last_error = @Error,
                    next_attempt_at = now() + make_interval(secs => @DelaySeconds)
                WHERE id = @Id
                """,
                new { failed.Row.Id, failed.Error, DelaySeconds = delay.TotalSeconds }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);

        if (sent.Length < rows.Count)
        {
            LogPublishFailed(logger, rows.Count - sent.Length, rows.Count, outcomes.First(o => o.Error is not null).Error!);
        }

        if (sent.Length == 0 && outcomes.All(o => o.BrokerAway))
        {
            _brokerAwayRounds++;
            // rows taken by their keys while the relay waits are found by the search that follows
            _searchAgain = true;
        }
        else
        {
            _brokerAwayRounds = 0;
        }

        return Math.Max(rows.Count, committed.Length);
    }

    private const string SelectRows =
        """
        SELECT id AS Id, message_id AS MessageId, message_type AS MessageType,
               payload::text AS Payload, trace_parent AS TraceParent, attempts AS Attempts
        FROM outbox_messages
        """;

    private async Task<(OutboxRow Row, string? Error, bool BrokerAway)> PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        // The message continues the trace of the request that wrote it.
        using var activity = ActivitySource.StartActivity("outbox relay", ActivityKind.Internal, row.TraceParent);
        try
        {
            var type = OutboxMessageTypes.Resolve(row.MessageType);
            var message = JsonSerializer.Deserialize(row.Payload, type, OutboxMessageTypes.Json)
                ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty payload.");
            await bus.Publish(message, type, context => context.MessageId = row.MessageId, cancellationToken);
            return (row, null, false);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            return (row, $"{ex.GetType().Name}: {ex.Message}", ex is OperationCanceledException || Data.TransientFaults.IsPassing(ex));
        }
    }

    private TimeSpan RetryDelay(int attempt)
    {
        var seconds = _options.RetryDelay.TotalSeconds * Math.Pow(2, Math.Min(attempt - 1, 16));
        return TimeSpan.FromSeconds(Math.Min(seconds, _options.MaxRetryDelay.TotalSeconds));
    }

    /// <summary>A wait of <paramref name="delay"/> give or take a fifth, so that the services' relays do not reconnect in step.</summary>
    private static TimeSpan Jittered(TimeSpan delay) => delay * (0.8 + (0.4 * Random.Shared.NextDouble()));

    private sealed record OutboxRow(long Id, Guid MessageId, string MessageType, string Payload, string? TraceParent, int Attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay could not publish {Failed} of {Taken} messages; they will be retried. First error: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, int failed, int taken, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay batch failed; retrying")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception);
}
