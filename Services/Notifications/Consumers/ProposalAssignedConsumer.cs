using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Messaging;
using ProposalPlatform.Notifications.Data;

namespace ProposalPlatform.Notifications.Consumers;

/// <summary>
/// Every assigned item's number and title (they come with its assignment), and its lead unit's name:
/// what a notice names them by.
/// </summary>
public sealed class ProposalAssignedConsumer(PlatformDatabase database) : AssignedItemsConsumer(database)
{
    protected override Task RecordAsync(UnitOfWork work, IReadOnlyList<ProposalAssigned> assigned, CancellationToken cancellationToken) =>
        ItemFacts.RecordAssignedAsync(work, assigned, cancellationToken);
}

public sealed class ProposalAssignedConsumerDefinition() : BatchConsumerDefinition<ProposalAssignedConsumer>(inBackground: true);
