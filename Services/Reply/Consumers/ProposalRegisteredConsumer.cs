using MassTransit;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Messaging;
using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.Reply.Consumers;

/// <summary>
/// Whether an item is key and whom its reply goes to now travel with its assignment
/// (<see cref="ProposalAssignedConsumer"/>). This consumer only takes what its queue still holds from
/// before, and its queue no longer receives registrations (<see cref="RetiredSubscription"/>).
/// </summary>
public sealed class ProposalRegisteredConsumer(PlatformDatabase database) : IConsumer<ProposalRegistered>, IConsumer<ProposalsRegistered>
{
    public Task Consume(ConsumeContext<ProposalRegistered> context) =>
        database.ApplyOnceAsync(context, this, work => ReplyRepository.RecordRegisteredAsync(work, [context.Message], context.CancellationToken));

    public Task Consume(ConsumeContext<ProposalsRegistered> context) =>
        database.ApplyOnceAsync(context, this, work => ReplyRepository.RecordRegisteredAsync(work, context.Message.Proposals, context.CancellationToken));
}

public sealed class ProposalRegisteredConsumerDefinition : RetiredSubscriptionDefinition<ProposalRegisteredConsumer>;
