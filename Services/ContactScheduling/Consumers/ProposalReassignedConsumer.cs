using MassTransit;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Consumers;

/// <summary>The contact task follows the item to the unit the proposal office reassigned it to.</summary>
public sealed class ProposalReassignedConsumer(PlatformDatabase database) : IConsumer<ProposalReassigned>
{
    public Task Consume(ConsumeContext<ProposalReassigned> context)
    {
        var reassigned = context.Message;
        return database.ApplyOnceAsync(context, this, work => ContactRepository.ReassignTaskAsync(
            work, reassigned.ProposalId, reassigned.ToUnitCode, reassigned.ReassignedAt, context.CancellationToken));
    }
}
