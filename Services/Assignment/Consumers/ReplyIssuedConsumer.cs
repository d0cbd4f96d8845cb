using MassTransit;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Assignment.Consumers;

/// <summary>Once the reply has gone out, its deadline is met: the scheduler stops watching it.</summary>
public sealed class ReplyIssuedConsumer(PlatformDatabase database) : IConsumer<ReplyIssued>
{
    public Task Consume(ConsumeContext<ReplyIssued> context) =>
        database.ApplyOnceAsync(context, this, work =>
            AssignmentRepository.MarkRepliedAsync(work, context.Message.ProposalId, context.Message.Round, context.Message.IssuedAt, context.CancellationToken));
}
