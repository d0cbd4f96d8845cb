using Microsoft.Extensions.Options;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Hosting;

namespace ProposalPlatform.Assignment.Scheduling;

/// <summary>
/// Warns before and flags after every open deadline: publishes <see cref="DeadlineApproaching"/> once
/// per deadline, due date and lead time, and <see cref="DeadlineMissed"/> once per deadline and due date. Each alert's key is recorded in the same
/// transaction as its outbox row, so a restart or a second instance never sends it again.
/// </summary>
public sealed partial class DeadlineScheduler(
    PlatformDatabase database,
    TimeProvider clock,
    IOptions<AssignmentOptions> options,
    ILogger<DeadlineScheduler> logger) : BackgroundService
{
    private readonly AssignmentOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicScan.RunAsync(_options.DeadlineScanInterval, clock, ScanAsync, ex => LogScanFailed(logger, ex), stoppingToken);

    /// <summary>Sends everything now due, a batch per transaction; returns how many were sent.</summary>
    public Task<int> ScanAsync(CancellationToken cancellationToken) =>
        PeriodicScan.InBatchesAsync(ScanBatchAsync, _options.DeadlineScanBatchSize, cancellationToken);

    private async Task<(int Taken, int Sent)> ScanBatchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var warningDays = _options.WarningDays;
        await using var work = await database.BeginAsync(cancellationToken);
        var deadlines = await DeadlineRepository.UnalertedAsync(work, now, warningDays, _options.DeadlineScanBatchSize, cancellationToken);
        var alerts = DeadlineAlerts.ToSend(deadlines, now, warningDays, new HashSet<AlertKey>());
        var recorded = await DeadlineRepository.RecordAsync(work, alerts, now, cancellationToken);
        var toSend = alerts.Where(alert => recorded.Contains(alert.Key)).ToList();

        await work.PublishManyAsync(
            toSend.Where(a => a.Kind == AlertKind.Approaching)
                .Select(a => new DeadlineApproaching(a.Deadline.ProposalId, a.Deadline.Kind, a.Deadline.UnitCode, a.Deadline.DueAt, now, a.DaysBefore))
                .ToList(),
            cancellationToken);
        await work.PublishManyAsync(
            toSend.Where(a => a.Kind == AlertKind.Missed)
                .Select(a => new DeadlineMissed(a.Deadline.ProposalId, a.Deadline.Kind, a.Deadline.UnitCode, a.Deadline.DueAt, now))
                .ToList(),
            cancellationToken);
        await work.CommitAsync(cancellationToken);

        if (toSend.Count > 0)
        {
            LogAlertsSent(logger, toSend.Count);
        }

        return (deadlines.Count, toSend.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} deadline alerts")]
    private static partial void LogAlertsSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline scan failed; it runs again at the next interval")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
