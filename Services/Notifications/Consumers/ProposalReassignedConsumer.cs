using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Notifications.Data;

namespace ProposalPlatform.Notifications.Consumers;

/// <summary>The name of the unit an item was reassigned to, for its digests.</summary>
public sealed class ProposalReassignedConsumer(PlatformDatabase database) : IConsumer<ProposalReassigned>
{
    public Task Consume(ConsumeContext<ProposalReassigned> context)
    {
        var reassigned = context.Message;
        return database.ApplyOnceAsync(context, this, work =>
            ItemFacts.RecordUnitAsync(work, reassigned.ToUnitCode, reassigned.ToUnitName, reassigned.ReassignedAt, context.CancellationToken));
    }
}
