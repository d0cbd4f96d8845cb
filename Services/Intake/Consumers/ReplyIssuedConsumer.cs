using MassTransit;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

public sealed class ReplyIssuedConsumer(PlatformDatabase database, ILogger<ReplyIssuedConsumer> logger) : IConsumer<ReplyIssued>
{
    public Task Consume(ConsumeContext<ReplyIssued> context) =>
        database.AdvanceOnceAsync(context, this, logger, context.Message.ProposalId, ProposalStage.Replied, context.Message.Round);
}
