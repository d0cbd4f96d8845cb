using MassTransit;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

public sealed class ReplyIssuedConsumer(PlatformDatabase database) : IConsumer<ReplyIssued>
{
    public Task Consume(ConsumeContext<ReplyIssued> context)
    {
        var reply = context.Message;
        return database.ApplyOnceAsync(context, this, work => ProposalRepository.AppendTimelineAsync(
            work, reply.ProposalId, ProposalStage.Replied, reply.IssuedAt,
            $"Formal reply issued, result class {reply.ResultClass}",
            context.CancellationToken));
    }
}
