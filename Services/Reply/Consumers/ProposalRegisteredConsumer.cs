using MassTransit;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Messaging;
using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.Reply.Consumers;

/// <summary>Learns whether an item is key (the proposal office signs off too) and whom its reply goes to: the lead submitter and every co-signer.</summary>
public sealed class ProposalRegisteredConsumer(PlatformDatabase database) : IConsumer<Batch<ProposalRegistered>>, IConsumer<ProposalsRegistered>
{
    public Task Consume(ConsumeContext<Batch<ProposalRegistered>> context) =>
        database.ApplyOnceAsync(context, this, (work, registered) => ReplyRepository.RecordRegisteredAsync(work, registered, context.CancellationToken));

    public Task Consume(ConsumeContext<ProposalsRegistered> context) =>
        database.ApplyOnceAsync(context, this, work => ReplyRepository.RecordRegisteredAsync(work, context.Message.Proposals, context.CancellationToken));
}

public sealed class ProposalRegisteredConsumerDefinition() : BatchConsumerDefinition<ProposalRegisteredConsumer>(inBackground: true);
