using MassTransit;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Messaging;

namespace ProposalPlatform.ContactScheduling.Consumers;

/// <summary>Every assigned item gets a contact task: the unit must talk with the submitter before replying.</summary>
public sealed class ProposalAssignedConsumer(PlatformDatabase database) : IConsumer<Batch<ProposalAssigned>>, IConsumer<Batch<ProposalsAssigned>>
{
    public Task Consume(ConsumeContext<Batch<ProposalAssigned>> context) =>
        database.ApplyOnceAsync(context, this, (work, assigned) => ContactRepository.OpenTasksAsync(work, assigned, context.CancellationToken));

    public Task Consume(ConsumeContext<Batch<ProposalsAssigned>> context) =>
        database.ApplyOnceAsync(context, this, (work, messages) => ContactRepository.OpenTasksAsync(work, [.. messages.SelectMany(m => m.Assignments)], context.CancellationToken));
}

public sealed class ProposalAssignedConsumerDefinition() : BatchConsumerDefinition<ProposalAssignedConsumer>(inBackground: true);
