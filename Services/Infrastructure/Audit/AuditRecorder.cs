using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProposalPlatform.Contracts.Audit;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Infrastructure.Audit;

/// <summary>
/// Takes the audit entries made outside a write's transaction — the refusals of the process's requests,
/// the identity service's sign-in events and administration — off the request's path and writes them
/// to the audit trail in batches: a refused request waits for nothing, and a flood of them
/// costs one transaction per batch, not one per request. What waits is bounded: past
/// <see cref="Capacity"/> entries a flood is counted instead, and the count is recorded as one entry.
/// </summary>
public sealed partial class AuditRecorder(AuditTrail trail, IAuditSink sink, ILogger<AuditRecorder> logger)
    : BackgroundService, ISecurityAudit
{
    public const int Capacity = 10_000;
    public const int BatchSize = 500;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly Channel<AuditRecorded> _pending = Channel.CreateBounded<AuditRecorded>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _dropped;

    public void Refused(HttpContext context, string outcome, int status, string detail, Guid? itemId = null) =>
        Record(trail.Refused(context, outcome, status, detail, itemId));

    public void Record(AuditRecorded entry)
    {
        if (!_pending.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditRecorded>(BatchSize);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteAllAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // what was refused just before the stop is still written, if the store answers quickly
        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await WriteAllAsync(batch, last.Token, once: true);
        }
        catch (Exception ex)
        {
            LogNotWritten(logger, batch.Count + _pending.Reader.Count, ex);
        }
    }

    private async Task WriteAllAsync(List<AuditRecorded> batch, CancellationToken cancellationToken, bool once = false)
    {
        while (true)
        {
            while (batch.Count < BatchSize && _pending.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            if (Interlocked.Exchange(ref _dropped, 0) is var dropped and > 0)
            {
                batch.Add(trail.Event("RefusalsNotRecordedOneByOne", AuditOutcomes.Unauthenticated, 0, "unknown", string.Empty, null, [],
                    $"{dropped} refusals came faster than the audit trail takes them one by one; they were counted, not recorded."));
            }

            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                await sink.WriteAsync(batch, cancellationToken);
                batch.Clear();
            }
            catch (Exception ex) when (!once && ex is not OperationCanceledException)
            {
                // the database or the broker is away: the batch is kept and tried again
                LogRetrying(logger, batch.Count, ex);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} audit entries of refusals could not be written yet; retrying.")]
    private static partial void LogRetrying(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} audit entries of refusals were not written before the stop.")]
    private static partial void LogNotWritten(ILogger logger, int count, Exception exception);
}
