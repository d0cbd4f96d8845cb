using MassTransit;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Consumers;

/// <summary>Re-handling after dissatisfaction starts a new round, which needs a new contact with the lead submitter.</summary>
public sealed class ProposalReopenedConsumer(PlatformDatabase database) : IConsumer<ProposalReopened>
{
    public Task Consume(ConsumeContext<ProposalReopened> context)
    {
        var reopened = context.Message;
        return database.ApplyOnceAsync(context, this, work => ContactRepository.ReopenTaskAsync(
            work, reopened.ProposalId, reopened.UnitCode, reopened.Round, reopened.ReopenedAt, context.CancellationToken));
    }
}
