using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Messaging;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Workers;

namespace ProposalPlatform.Intake.Consumers;

/// <summary>Every item passes here once it is assigned: many at a time (a chunk of a session, or a batch of single items), one transaction each.</summary>
public sealed partial class ProposalAssignedConsumer(PlatformDatabase database, IndexingSignal indexing, ILogger<ProposalAssignedConsumer> logger)
    : AssignedItemsConsumer(database)
{
    protected override async Task RecordAsync(UnitOfWork work, IReadOnlyList<ProposalAssigned> assigned, CancellationToken cancellationToken)
    {
        indexing.NoteActivity();
        var known = await AssignedItems.RecordAsync(work, assigned, cancellationToken);
        var items = assigned.Select(a => a.ProposalId).Distinct().Count();
        if (known < items)
        {
            // an item intake never registered cannot be assigned; nothing to record for it
            LogUnknown(logger, items - known);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} assigned items are not known to intake; their assignment was not recorded")]
    private static partial void LogUnknown(ILogger logger, int count);
}

public sealed class ProposalAssignedConsumerDefinition() : BatchConsumerDefinition<ProposalAssignedConsumer>(inBackground: true);
