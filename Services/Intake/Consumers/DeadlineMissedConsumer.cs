using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
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
        return database.AppendOnceAsync(
            context, this, logger, missed.ProposalId, TimelineSteps.DeadlineMissed, reached: null, missed.DetectedAt,
            $"{what} was due {missed.DueAt:yyyy-MM-dd} and is overdue");
    }
}
