using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.Reply.Consumers;

/// <summary>The reply is now the reassigned unit's to write; an item led by another unit than its merged group's leaves the group.</summary>
public sealed class ProposalReassignedConsumer(PlatformDatabase database) : IConsumer<ProposalReassigned>
{
    public Task Consume(ConsumeContext<ProposalReassigned> context)
    {
        var reassigned = context.Message;
        return database.ApplyOnceAsync(context, this, async work =>
        {
            await ReplyRepository.RecordReassignedAsync(work, reassigned.ProposalId, reassigned.ToUnitCode, reassigned.ReassignedAt, context.CancellationToken);
            await HandlingGroupRepository.ReleaseAsync(work, reassigned.ProposalId, $"Reassigned to {reassigned.ToUnitCode}",
                reassigned.ReassignedAt, keepFor: reassigned.ToUnitCode, context.CancellationToken);
        });
    }
}
