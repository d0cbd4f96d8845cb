using Microsoft.Extensions.Options;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Hosting;
using ProposalPlatform.Notifications.Data;
using ProposalPlatform.Notifications.Domain;

namespace ProposalPlatform.Notifications.Mail;

/// <summary>
/// Mails each unit its digest of the day. From the send time on, a unit's unmailed notices become one
/// digest, written in the transaction that marks them (so no notice is mailed twice or lost); the
/// digests are then handed to the mail server, and one it does not take is tried again after a wait
/// that doubles with each attempt, until it does: a mail server that is down delays mail, and loses none.
/// </summary>
public sealed partial class DigestMailer(
    PlatformDatabase database,
    SmtpMailTransport transport,
    TimeProvider clock,
    IOptions<NotificationsOptions> options,
    ILogger<DigestMailer> logger) : BackgroundService
{
    /// <summary>Digests handed to the mail server over one connection.</summary>
    public const int SendBatchSize = 20;

    private readonly NotificationsOptions _options = options.Value;
    private readonly Uri? _portal = options.Value.PortalAddress is { Length: > 0 } address
        ? new Uri(address.EndsWith('/') ? address : address + "/")
        : null;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicScan.RunAsync(_options.DigestScanInterval, clock, async cancellationToken =>
        {
            await ComposeAsync(cancellationToken);
            await PeriodicScan.InBatchesAsync(SendBatchAsync, SendBatchSize, cancellationToken);
        }, ex => LogScanFailed(logger, ex), stoppingToken);

    /// <summary>Composes the digests due now, one transaction each; returns how many.</summary>
    public async Task<int> ComposeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!Digests.SendTimeHasCome(now, _options.DigestSendTime))
        {
            return 0;
        }

        IReadOnlyList<Notice> unmailed;
        IReadOnlySet<string> mailedToday;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            unmailed = await DigestStore.UnmailedAsync(connection, now - _options.ItemFactsWait, cancellationToken);
            if (unmailed.Count == 0)
            {
                return 0;
            }

            mailedToday = await DigestStore.UnitsMailedOnAsync(connection, BeijingCalendar.DayOf(now), cancellationToken);
        }

        var composed = 0;
        foreach (var digest in Digests.Plan(unmailed, now, _options.DigestSendTime, mailedToday))
        {
            await using var work = await database.BeginAsync(cancellationToken);
            var recipients = await DigestStore.RecipientsAsync(work, digest.UnitCode, cancellationToken);
            var mail = Digests.Compose(digest, await DigestStore.UnitNameAsync(work, digest.UnitCode, cancellationToken), _portal);
            // no one left to mail (an address removed a moment ago), or another instance was first
            if (recipients.Length > 0 && await DigestStore.AddAsync(work, digest, recipients, mail, now, cancellationToken))
            {
                await work.CommitAsync(cancellationToken);
                composed++;
                LogComposed(logger, digest.UnitCode, digest.Day, digest.Notices.Count, recipients.Length);
            }
        }

        return composed;
    }

    /// <summary>Hands one batch of due digests to the mail server; returns how many it took and how many it was given.</summary>
    public async Task<(int Taken, int Sent)> SendBatchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var work = await database.BeginAsync(cancellationToken);
        var due = await DigestStore.DueAsync(work, now, SendBatchSize, cancellationToken);
        if (due.Count == 0)
        {
            return (0, 0);
        }

        var errors = await transport.SendAsync(due, cancellationToken);
        var sent = 0;
        foreach (var (digest, error) in due.Zip(errors))
        {
            if (error is null)
            {
                await DigestStore.MarkSentAsync(work, digest.Id, clock.GetUtcNow(), cancellationToken);
                sent++;
            }
            else
            {
                var retry = digest.State.Failed(now, error, _options.RetryDelay, _options.MaxRetryDelay);
                await DigestStore.MarkFailedAsync(work, digest.Id, retry, cancellationToken);
                LogNotTaken(logger, digest.Id, retry.Attempts, retry.NextAttemptAt!.Value, error);
            }
        }

        await work.CommitAsync(cancellationToken);
        return (due.Count, sent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest of unit {UnitCode} for {Day} composed: {Notices} notices to {Recipients} addresses")]
    private static partial void LogComposed(ILogger logger, string unitCode, DateOnly day, int notices, int recipients);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail server did not take digest {DigestId} (attempt {Attempts}); it is tried again at {NextAttemptAt}: {Error}")]
    private static partial void LogNotTaken(ILogger logger, long digestId, int attempts, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest scan failed; it runs again at the next interval")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
