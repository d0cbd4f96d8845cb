using MassTransit;
using ProposalPlatform.Contracts.ContactScheduling;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

public sealed class ContactCompletedConsumer(PlatformDatabase database, ILogger<ContactCompletedConsumer> logger) : IConsumer<ContactCompleted>
{
    public Task Consume(ConsumeContext<ContactCompleted> context) =>
        database.AdvanceOnceAsync(context, this, logger, context.Message.ProposalId, ProposalStage.ContactCompleted, context.Message.Round);
}
