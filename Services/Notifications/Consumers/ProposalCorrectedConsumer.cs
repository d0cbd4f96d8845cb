using MassTransit;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Notifications.Data;

namespace ProposalPlatform.Notifications.Consumers;

/// <summary>A corrected title: the notices name the item as it now is.</summary>
public sealed class ProposalCorrectedConsumer(PlatformDatabase database) : IConsumer<ProposalCorrected>
{
    public Task Consume(ConsumeContext<ProposalCorrected> context)
    {
        var corrected = context.Message;
        return database.ApplyOnceAsync(context, this, work =>
            ItemFacts.RecordTitleAsync(work, corrected.ProposalId, corrected.Title, corrected.CorrectedAt, context.CancellationToken));
    }
}
