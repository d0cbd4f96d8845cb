using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Messaging;
using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.Reply.Consumers;

public sealed class ProposalAssignedConsumer(PlatformDatabase database) : IConsumer<Batch<ProposalAssigned>>, IConsumer<ProposalsAssigned>
{
    public Task Consume(ConsumeContext<Batch<ProposalAssigned>> context) =>
        database.ApplyOnceAsync(context, this, (work, assigned) => ReplyRepository.RecordAssignedAsync(work, assigned, context.CancellationToken));

    public Task Consume(ConsumeContext<ProposalsAssigned> context) =>
        database.ApplyOnceAsync(context, this, work => ReplyRepository.RecordAssignedAsync(work, context.Message.Assignments, context.CancellationToken));
}

public sealed class ProposalAssignedConsumerDefinition : BatchConsumerDefinition<ProposalAssignedConsumer>;
