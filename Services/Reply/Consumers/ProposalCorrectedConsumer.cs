using MassTransit;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.Reply.Consumers;

/// <summary>A corrected item may have become key (the proposal office signs off too) or have another lead submitter.</summary>
public sealed class ProposalCorrectedConsumer(PlatformDatabase database) : IConsumer<ProposalCorrected>
{
    public Task Consume(ConsumeContext<ProposalCorrected> context) =>
        database.ApplyOnceAsync(context, this, work => ReplyRepository.RecordCorrectedAsync(work, context.Message, context.CancellationToken));
}
