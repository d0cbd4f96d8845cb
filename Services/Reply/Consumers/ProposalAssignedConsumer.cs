using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Messaging;
using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.Reply.Consumers;

public sealed class ProposalAssignedConsumer(PlatformDatabase database) : IConsumer<Batch<ProposalAssigned>>, IConsumer<Batch<ProposalsAssigned>>
{
    public Task Consume(ConsumeContext<Batch<ProposalAssigned>> context) =>
        database.ApplyOnceAsync(context, this, (work, assigned) => ReplyRepository.RecordAssignedAsync(work, assigned, context.CancellationToken));

    public Task Consume(ConsumeContext<Batch<ProposalsAssigned>> context) =>
        database.ApplyOnceAsync(context, this, (work, messages) => ReplyRepository.RecordAssignedAsync(work, [.. messages.SelectMany(m => m.Assignments)], context.CancellationToken));
}

public sealed class ProposalAssignedConsumerDefinition() : BatchConsumerDefinition<ProposalAssignedConsumer>(inBackground: true);
