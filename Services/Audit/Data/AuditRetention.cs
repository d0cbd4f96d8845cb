using Microsoft.Extensions.Options;
using ProposalPlatform.Infrastructure.Hosting;

namespace ProposalPlatform.Audit.Data;

/// <summary>Removes the records past the retention, the oldest first, a batch per statement.</summary>
public sealed partial class AuditRetention(AuditStore store, IOptions<AuditOptions> options, ILogger<AuditRetention> logger) : BackgroundService
{
    private readonly AuditOptions _options = options.Value;

    // real time: a record's age is not the rules' clock (tests move theirs)
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicScan.RunAsync(_options.PurgeInterval, TimeProvider.System, PurgeAsync, ex => LogFailed(logger, ex), stoppingToken);

    public async Task<long> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = TimeProvider.System.GetUtcNow() - _options.Retention;
        long purged = 0;
        long removed;
        do
        {
            removed = await store.PurgeAsync(cutoff, _options.PurgeBatchSize, cancellationToken);
            purged += removed;
        }
        while (removed >= _options.PurgeBatchSize && !cancellationToken.IsCancellationRequested);

        if (purged > 0)
        {
            LogPurged(logger, purged, cutoff);
        }

        return purged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Records} audit records appended before {Cutoff}")]
    private static partial void LogPurged(ILogger logger, long records, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The purge of old audit records failed; it tries again at its next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
