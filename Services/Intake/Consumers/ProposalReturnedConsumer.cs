using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

/// <summary>An item went back to the assigning office: its status becomes Returned, for good.</summary>
public sealed class ProposalReturnedConsumer(PlatformDatabase database, ILogger<ProposalReturnedConsumer> logger) : IConsumer<ProposalReturned>
{
    public Task Consume(ConsumeContext<ProposalReturned> context)
    {
        var returned = context.Message;
        return database.AppendOnceAsync(
            context, this, logger, returned.ProposalId, nameof(ProposalStage.Returned), ProposalStage.Returned, returned.ReturnedAt,
            $"Returned to the assigning office by {returned.By} (was with {returned.UnitCode}): {returned.Reason}");
    }
}
