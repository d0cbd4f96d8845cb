using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.Reply.Consumers;

/// <summary>Re-handling after dissatisfaction: a new round that needs its own contact, draft, sign-off and reply.</summary>
public sealed class ProposalReopenedConsumer(PlatformDatabase database) : IConsumer<ProposalReopened>
{
    public Task Consume(ConsumeContext<ProposalReopened> context) =>
        database.ApplyOnceAsync(context, this, work => ReplyRepository.RecordReopenedAsync(
            work, context.Message.ProposalId, context.Message.Round, context.Message.ReopenedAt, context.CancellationToken));
}
