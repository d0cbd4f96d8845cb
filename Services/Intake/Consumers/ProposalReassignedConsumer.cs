using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Data;

namespace ProposalPlatform.Intake.Consumers;

/// <summary>The proposal office moved an item to another unit: the unit filter and who may read it follow.</summary>
public sealed class ProposalReassignedConsumer(PlatformDatabase database) : IConsumer<ProposalReassigned>
{
    public Task Consume(ConsumeContext<ProposalReassigned> context)
    {
        var reassigned = context.Message;
        return database.ApplyOnceAsync(context, this, work => ProposalRepository.ReassignUnitAsync(
            work, reassigned.ProposalId, reassigned.ToUnitCode, reassigned.ReassignedAt, context.CancellationToken));
    }
}
