using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

/// <summary>An item went back to the assigning office: its status becomes Returned, for good.</summary>
public sealed class ProposalReturnedConsumer(PlatformDatabase database, ILogger<ProposalReturnedConsumer> logger) : IConsumer<ProposalReturned>
{
    public Task Consume(ConsumeContext<ProposalReturned> context) =>
        database.AdvanceOnceAsync(context, this, logger, context.Message.ProposalId, ProposalStage.Returned);
}
