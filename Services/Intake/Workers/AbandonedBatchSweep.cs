using Microsoft.Extensions.Options;
using ProposalPlatform.Infrastructure.Hosting;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Workers;

/// <summary>
/// Marks failed the batches found in processing with no upload working on them: an upload holds its
/// batch's advisory lock for as long as it works, and a process that dies lets go of it, so a batch
/// whose lock this sweep can take was abandoned (by a crash, or a failure that could not be recorded).
/// Posted again, such a batch goes on after its last stored chunk. Runs at start, then every
/// <see cref="BatchOptions.AbandonedSweepInterval"/>.
/// </summary>
public sealed partial class AbandonedBatchSweep(
    BatchRepository batches,
    IOptions<BatchOptions> options,
    TimeProvider clock,
    ILogger<AbandonedBatchSweep> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicScan.RunAsync(options.Value.AbandonedSweepInterval, clock, SweepAsync, ex => LogSweepFailed(logger, ex), stoppingToken);

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        foreach (var batch in await batches.ProcessingAsync(cancellationToken))
        {
            await using var hold = await batches.TryLockAsync(batch.Reference, batch.ContentHash, cancellationToken);
            if (hold is null)
            {
                continue; // an upload is working on it
            }

            if (await batches.FailAsync(batch.Id, BatchFailure.Abandoned.Reason, clock.GetUtcNow(), cancellationToken) is { } failed)
            {
                LogAbandoned(logger, failed.Id, failed.Reference, failed.ProcessedThroughLine);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} ({Reference}) was left in processing with no upload working on it, after line {Line}: marked failed")]
    private static partial void LogAbandoned(ILogger logger, Guid batchId, string reference, int line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for abandoned batches failed; trying again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
