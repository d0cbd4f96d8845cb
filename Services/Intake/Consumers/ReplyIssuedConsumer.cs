using MassTransit;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

public sealed class ReplyIssuedConsumer(PlatformDatabase database, ILogger<ReplyIssuedConsumer> logger) : IConsumer<ReplyIssued>
{
    public Task Consume(ConsumeContext<ReplyIssued> context)
    {
        var reply = context.Message;
        return database.ApplyOnceAsync(context, this, async work =>
        {
            if (!await ProposalRepository.TryAppendStepAsync(
                work, reply.ProposalId, nameof(ProposalStage.Replied), ProposalStage.Replied, reply.IssuedAt,
                $"Formal reply issued, result class {reply.ResultClass}, to {reply.Recipients} recipient(s); publication: {reply.Publication}",
                context.CancellationToken, reply.Round, StorySources.Reply))
            {
                UnknownItemLog.Skipped(logger, nameof(ReplyIssued), reply.ProposalId);
            }
        });
    }
}
