using Microsoft.Extensions.Options;
using ProposalPlatform.Infrastructure.Hosting;
using ProposalPlatform.Intake.Apis;
using ProposalPlatform.Intake.Data;

namespace ProposalPlatform.Intake.Workers;

/// <summary>
/// Finishes the batches found in processing with nobody working on them: an upload, or an attempt of
/// this replica or another, holds its batch's advisory lock for as long as it works, and a process that
/// dies lets go of it, so a batch whose lock this worker can take was interrupted (a crash, the service
/// stopping, a passing outage). Each is taken up again from the copy intake kept of its upload, after
/// its last committed chunk (<see cref="BatchIntake.ResumeAsync"/>), one at a time. Runs at start, then
/// every <see cref="BatchOptions.ResumeInterval"/>.
/// </summary>
public sealed partial class BatchResumer(
    BatchRepository batches,
    BatchIntake intake,
    IOptions<BatchOptions> options,
    TimeProvider clock,
    ILogger<BatchResumer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicScan.RunAsync(options.Value.ResumeInterval, clock, ResumeAsync, ex => LogScanFailed(logger, ex), stoppingToken);

    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        foreach (var batch in await batches.ProcessingAsync(cancellationToken))
        {
            await intake.ResumeAsync(batch, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for interrupted batches failed; trying again at the next interval")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
