using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Messaging;
using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.Reply.Consumers;

/// <summary>
/// Opens the reply case of every assigned item: which unit replies, and by when. The assignment also
/// says whether the item is key (the proposal office signs off too) and whom the reply goes to: the
/// lead submitter and every co-signer.
/// </summary>
public sealed class ProposalAssignedConsumer(PlatformDatabase database) : AssignedItemsConsumer(database)
{
    protected override async Task RecordAsync(UnitOfWork work, IReadOnlyList<ProposalAssigned> assigned, CancellationToken cancellationToken)
    {
        await ReplyRepository.RecordRegisteredAsync(work, assigned, cancellationToken);
        await ReplyRepository.RecordAssignedAsync(work, assigned, cancellationToken);
    }
}

public sealed class ProposalAssignedConsumerDefinition() : BatchConsumerDefinition<ProposalAssignedConsumer>(inBackground: true);
