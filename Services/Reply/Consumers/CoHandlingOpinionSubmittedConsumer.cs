using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.Reply.Consumers;

/// <summary>Attaches a co-handler's written opinion to the lead unit's draft.</summary>
public sealed class CoHandlingOpinionSubmittedConsumer(PlatformDatabase database) : IConsumer<CoHandlingOpinionSubmitted>
{
    public Task Consume(ConsumeContext<CoHandlingOpinionSubmitted> context) =>
        database.ApplyOnceAsync(context, this, work => ReplyRepository.RecordOpinionAsync(work, context.Message, context.CancellationToken));
}
