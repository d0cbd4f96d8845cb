using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.Reply.Consumers;

/// <summary>The reply is now the reassigned unit's to write.</summary>
public sealed class ProposalReassignedConsumer(PlatformDatabase database) : IConsumer<ProposalReassigned>
{
    public Task Consume(ConsumeContext<ProposalReassigned> context)
    {
        var reassigned = context.Message;
        return database.ApplyOnceAsync(context, this, work => ReplyRepository.RecordReassignedAsync(
            work, reassigned.ProposalId, reassigned.ToUnitCode, reassigned.ReassignedAt, context.CancellationToken));
    }
}
