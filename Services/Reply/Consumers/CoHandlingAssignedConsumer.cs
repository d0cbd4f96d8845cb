using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.Reply.Consumers;

/// <summary>A co-handling unit owes the lead unit a written opinion; the draft cannot go to sign-off without it.</summary>
public sealed class CoHandlingAssignedConsumer(PlatformDatabase database) : IConsumer<CoHandlingAssigned>
{
    public Task Consume(ConsumeContext<CoHandlingAssigned> context) =>
        database.ApplyOnceAsync(context, this, work => ReplyRepository.RecordCoHandlingAssignedAsync(work, context.Message, context.CancellationToken));
}
