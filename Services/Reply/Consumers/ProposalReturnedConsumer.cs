using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.Reply.Consumers;

/// <summary>A returned item is not this body's to answer: its formal reply can no longer be issued, and it leaves its merged group.</summary>
public sealed class ProposalReturnedConsumer(PlatformDatabase database) : IConsumer<ProposalReturned>
{
    public Task Consume(ConsumeContext<ProposalReturned> context)
    {
        var returned = context.Message;
        return database.ApplyOnceAsync(context, this, async work =>
        {
            await ReplyRepository.RecordReturnedAsync(
                work, returned.ProposalId, returned.UnitCode, returned.ReturnedAt,
                $"Returned to the assigning office by {returned.By}: {returned.Reason}",
                context.CancellationToken);
            await HandlingGroupRepository.ReleaseAsync(work, returned.ProposalId, "Returned to the assigning office", returned.ReturnedAt, keepFor: null, context.CancellationToken);
        });
    }
}
