using MassTransit;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Consumers;

/// <summary>The office corrected an item: whom its contact must reach, and where, may have changed.</summary>
public sealed class ProposalCorrectedConsumer(PlatformDatabase database) : IConsumer<ProposalCorrected>
{
    public Task Consume(ConsumeContext<ProposalCorrected> context) =>
        database.ApplyOnceAsync(context, this, work => SubmitterRepository.UpsertAsync(work, context.Message, context.CancellationToken));
}
