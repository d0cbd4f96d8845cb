using MassTransit;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Consumers;

/// <summary>A returned item is not handled here any more: its contact task closes and takes no contact.</summary>
public sealed class ProposalReturnedConsumer(PlatformDatabase database) : IConsumer<ProposalReturned>
{
    public Task Consume(ConsumeContext<ProposalReturned> context)
    {
        var returned = context.Message;
        return database.ApplyOnceAsync(context, this, work => ContactRepository.CloseTaskAsync(
            work, returned.ProposalId, returned.UnitCode, returned.ReturnedAt,
            $"Returned to the assigning office by {returned.By}: {returned.Reason}",
            context.CancellationToken));
    }
}
