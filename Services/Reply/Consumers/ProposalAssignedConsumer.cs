using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.Reply.Consumers;

public sealed class ProposalAssignedConsumer(PlatformDatabase database) : IConsumer<ProposalAssigned>
{
    public Task Consume(ConsumeContext<ProposalAssigned> context) =>
        database.ApplyOnceAsync(context, this, work => ReplyRepository.RecordAssignedAsync(
            work, context.Message.ProposalId, context.Message.UnitCode, context.Message.AssignedAt, context.CancellationToken));
}
