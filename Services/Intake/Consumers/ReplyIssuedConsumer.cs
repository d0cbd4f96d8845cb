using MassTransit;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

public sealed class ReplyIssuedConsumer(PlatformDatabase database, ILogger<ReplyIssuedConsumer> logger) : IConsumer<ReplyIssued>
{
    public Task Consume(ConsumeContext<ReplyIssued> context)
    {
        var reply = context.Message;
        return database.AppendOnceAsync(
            context, this, logger, reply.ProposalId, nameof(ProposalStage.Replied), ProposalStage.Replied, reply.IssuedAt,
            $"Formal reply issued, result class {reply.ResultClass}, to {reply.Recipients} recipient(s); publication: {reply.Publication}",
            reply.Round, StorySources.Reply);
    }
}
