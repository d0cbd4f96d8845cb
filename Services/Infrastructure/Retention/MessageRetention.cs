using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Hosting;

namespace ProposalPlatform.Infrastructure.Retention;

/// <summary>
/// Purges sent outbox rows and applied inbox ids past their age, in small batches with a pause
/// between them, so that neither table grows forever and no purge stands in the items' way.
/// </summary>
public sealed partial class MessageRetention(
    PlatformDatabase database, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<MessageRetention> logger) : BackgroundService
{
    private readonly RetentionOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicScan.RunAsync(_options.Interval, clock, PurgeAsync, ex => LogFailed(logger, ex), stoppingToken);

    public async Task PurgeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var outbox = await PurgeAsync(
            """
            DELETE FROM outbox_messages WHERE id IN (
                SELECT id FROM outbox_messages WHERE created_at < @cutoff AND sent_at IS NOT NULL AND sent_at < @cutoff LIMIT @limit)
            """,
            now - _options.SentOutboxAge, cancellationToken);
        var inbox = await PurgeAsync(
            """
            DELETE FROM processed_messages WHERE ctid IN (
                SELECT ctid FROM processed_messages WHERE processed_at < @cutoff LIMIT @limit)
            """,
            now - _options.InboxAge, cancellationToken);
        if (outbox + inbox > 0)
        {
            LogPurged(logger, outbox, inbox);
        }
    }

    private async Task<int> PurgeAsync(string statement, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var purged = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                statement, new { cutoff, limit = _options.BatchSize }, cancellationToken: cancellationToken));
            purged += deleted;
            if (deleted < _options.BatchSize)
            {
                break;
            }

            await Task.Delay(_options.Pause, clock, cancellationToken);
        }

        return purged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {OutboxRows} sent outbox rows and {InboxIds} applied inbox ids past their age")]
    private static partial void LogPurged(ILogger logger, int outboxRows, int inboxIds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The purge of old outbox rows and inbox ids failed; it tries again at its next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
