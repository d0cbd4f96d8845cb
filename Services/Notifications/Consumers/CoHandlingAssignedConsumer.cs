using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Notifications.Data;

namespace ProposalPlatform.Notifications.Consumers;

/// <summary>The name of a co-handling unit, for the digests that remind it of its opinion.</summary>
public sealed class CoHandlingAssignedConsumer(PlatformDatabase database) : IConsumer<CoHandlingAssigned>
{
    public Task Consume(ConsumeContext<CoHandlingAssigned> context)
    {
        var assigned = context.Message;
        return database.ApplyOnceAsync(context, this, work =>
            ItemFacts.RecordUnitAsync(work, assigned.UnitCode, assigned.UnitName, assigned.AssignedAt, context.CancellationToken));
    }
}
