using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

public sealed class DeadlineExtendedConsumer(PlatformDatabase database, ILogger<DeadlineExtendedConsumer> logger) : IConsumer<DeadlineExtended>
{
    public Task Consume(ConsumeContext<DeadlineExtended> context)
    {
        var extended = context.Message;
        return database.AppendOnceAsync(
            context, this, logger, extended.ProposalId, TimelineSteps.DeadlineExtended, reached: null, extended.ExtendedAt,
            $"Reply now due {extended.NewDueAt:yyyy-MM-dd} (was {extended.PreviousDueAt:yyyy-MM-dd}), approved by {extended.ApprovedBy}: {extended.Reason}");
    }
}
