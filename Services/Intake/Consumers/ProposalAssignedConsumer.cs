using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Messaging;
using ProposalPlatform.Intake.Data;

namespace ProposalPlatform.Intake.Consumers;

/// <summary>Every item of a session passes here once it is assigned: taken in batches, one transaction each.</summary>
public sealed partial class ProposalAssignedConsumer(PlatformDatabase database, ILogger<ProposalAssignedConsumer> logger) : IConsumer<Batch<ProposalAssigned>>
{
    public Task Consume(ConsumeContext<Batch<ProposalAssigned>> context) =>
        database.ApplyOnceAsync(context, this, async (work, batch) =>
        {
            var known = await AssignedItems.RecordAsync(work, batch, context.CancellationToken);
            if (known < batch.Select(a => a.ProposalId).Distinct().Count())
            {
                // an item intake never registered cannot be assigned; nothing to record for it
                LogUnknown(logger, batch.Count - known);
            }
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} assigned items are not known to intake; their assignment was not recorded")]
    private static partial void LogUnknown(ILogger logger, int count);
}

public sealed class ProposalAssignedConsumerDefinition : BatchConsumerDefinition<ProposalAssignedConsumer>;
