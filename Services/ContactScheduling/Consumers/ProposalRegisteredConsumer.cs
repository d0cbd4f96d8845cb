using MassTransit;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Messaging;

namespace ProposalPlatform.ContactScheduling.Consumers;

/// <summary>
/// Learns whom each item's contact must reach (its lead submitter, its co-signers) and where they live
/// (for an entrusted visit). May arrive before or after the item's assignment.
/// </summary>
public sealed class ProposalRegisteredConsumer(PlatformDatabase database) : IConsumer<Batch<ProposalRegistered>>, IConsumer<ProposalsRegistered>
{
    public Task Consume(ConsumeContext<Batch<ProposalRegistered>> context) =>
        database.ApplyOnceAsync(context, this, (work, registered) => SubmitterRepository.UpsertAsync(work, registered, context.CancellationToken));

    public Task Consume(ConsumeContext<ProposalsRegistered> context) =>
        database.ApplyOnceAsync(context, this, work => SubmitterRepository.UpsertAsync(work, context.Message.Proposals, context.CancellationToken));
}

public sealed class ProposalRegisteredConsumerDefinition() : BatchConsumerDefinition<ProposalRegisteredConsumer>(inBackground: true);
