using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Infrastructure.Messaging;

/// <summary>
/// A service's record of every item's assignment. Assignments come one message per single item
/// (<see cref="ProposalAssigned"/>) or one per assignment batch (<see cref="ProposalsAssigned"/>),
/// both taken in MassTransit batches; either way the service records them all in one transaction,
/// each message once.
/// </summary>
public abstract class AssignedItemsConsumer(PlatformDatabase database) : IConsumer<Batch<ProposalAssigned>>, IConsumer<Batch<ProposalsAssigned>>
{
    public Task Consume(ConsumeContext<Batch<ProposalAssigned>> context) =>
        database.ApplyOnceAsync(context, this, (work, assigned) => RecordAsync(work, assigned, context.CancellationToken));

    public Task Consume(ConsumeContext<Batch<ProposalsAssigned>> context) =>
        database.ApplyOnceAsync(context, this, (work, messages) => RecordAsync(work, [.. messages.SelectMany(m => m.Assignments)], context.CancellationToken));

    /// <summary>Records the assignments, in the transaction that marks their messages consumed.</summary>
    protected abstract Task RecordAsync(UnitOfWork work, IReadOnlyList<ProposalAssigned> assigned, CancellationToken cancellationToken);
}
