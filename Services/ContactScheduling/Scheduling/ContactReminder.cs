using Microsoft.Extensions.Options;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Contracts.ContactScheduling;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Hosting;

namespace ProposalPlatform.ContactScheduling.Scheduling;

/// <summary>
/// Publishes <see cref="ContactMissing"/> once per item and round when no contact was scheduled within
/// the configured days of assignment or reopening. The reminder's key is recorded in the same
/// transaction as its outbox row, so a restart or a second instance never sends it again.
/// </summary>
public sealed partial class ContactReminder(
    PlatformDatabase database,
    TimeProvider clock,
    IOptions<ContactSchedulingOptions> options,
    ILogger<ContactReminder> logger) : BackgroundService
{
    private readonly ContactSchedulingOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicScan.RunAsync(_options.ReminderScanInterval, clock, ScanAsync, ex => LogScanFailed(logger, ex), stoppingToken);

    /// <summary>Sends everything now due, a batch per transaction; returns how many were sent.</summary>
    public Task<int> ScanAsync(CancellationToken cancellationToken) =>
        PeriodicScan.InBatchesAsync(ScanBatchAsync, _options.ReminderScanBatchSize, cancellationToken);

    private async Task<(int Taken, int Sent)> ScanBatchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var days = _options.ReminderDays;
        await using var work = await database.BeginAsync(cancellationToken);
        var tasks = await ReminderRepository.UnremindedAsync(work, ContactReminders.OpenedBefore(now, days), _options.ReminderScanBatchSize, cancellationToken);
        var due = ContactReminders.ToRemind(tasks, now, days, new HashSet<(Guid, int)>());
        var recorded = await ReminderRepository.RecordAsync(work, due, now, cancellationToken);
        var toSend = due.Where(t => recorded.Contains((t.ProposalId, t.Round))).ToList();

        await work.PublishManyAsync(
            toSend.Select(t => new ContactMissing(t.ProposalId, t.UnitCode, t.Round, t.RoundOpenedAt, days, now)).ToList(),
            cancellationToken);
        await work.CommitAsync(cancellationToken);

        if (toSend.Count > 0)
        {
            LogRemindersSent(logger, toSend.Count);
        }

        return (tasks.Count, toSend.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} missing-contact reminders")]
    private static partial void LogRemindersSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Missing-contact scan failed; it runs again at the next interval")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
