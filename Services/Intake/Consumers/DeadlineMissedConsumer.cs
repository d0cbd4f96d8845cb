using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

public sealed class DeadlineMissedConsumer(PlatformDatabase database, ILogger<DeadlineMissedConsumer> logger) : IConsumer<DeadlineMissed>
{
    public Task Consume(ConsumeContext<DeadlineMissed> context)
    {
        var missed = context.Message;
        var what = missed.Kind == DeadlineKind.CoHandlingOpinion
            ? $"Co-handling opinion of {missed.UnitCode}"
            : $"Reply by {missed.UnitCode}";
        return database.ApplyOnceAsync(context, this, async work =>
        {
            var known = await ProposalRepository.TryAppendStepAsync(
                work, missed.ProposalId, TimelineSteps.DeadlineMissed, reached: null, missed.DetectedAt,
                $"{what} was due {missed.DueAt:yyyy-MM-dd} and is overdue",
                context.CancellationToken);
            if (!known)
            {
                UnknownItemLog.Skipped(logger, nameof(DeadlineMissed), missed.ProposalId);
            }
        });
    }
}
