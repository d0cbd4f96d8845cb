using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Messaging;

namespace ProposalPlatform.ContactScheduling.Consumers;

/// <summary>
/// Every assigned item gets a contact task: the unit must talk with the submitter before replying. The
/// assignment also says whom the contact must reach (its lead submitter, its co-signers) and where
/// they live (for an entrusted visit).
/// </summary>
public sealed class ProposalAssignedConsumer(PlatformDatabase database) : AssignedItemsConsumer(database)
{
    protected override async Task RecordAsync(UnitOfWork work, IReadOnlyList<ProposalAssigned> assigned, CancellationToken cancellationToken)
    {
        await SubmitterRepository.UpsertAsync(work, assigned, cancellationToken);
        await ContactRepository.OpenTasksAsync(work, assigned, cancellationToken);
    }
}

public sealed class ProposalAssignedConsumerDefinition() : BatchConsumerDefinition<ProposalAssignedConsumer>(inBackground: true);
