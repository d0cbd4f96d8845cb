using MassTransit;
using ProposalPlatform.Contracts.ContactScheduling;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Notifications.Data;
using ProposalPlatform.Notifications.Domain;

namespace ProposalPlatform.Notifications.Consumers;

/// <summary>No contact with the submitter scheduled days after assignment: a notice to the lead unit.</summary>
public sealed class ContactMissingConsumer(PlatformDatabase database, TimeProvider clock) : IConsumer<ContactMissing>
{
    public Task Consume(ConsumeContext<ContactMissing> context)
    {
        var missing = context.Message;
        return database.ApplyOnceAsync(context, this, work => NoticeStore.AddAsync(
            work, missing.UnitCode, missing.ProposalId, NoticeKind.ContactMissing, null, missing.DaysWithoutContact, missing.At, clock.GetUtcNow(),
            context.CancellationToken));
    }
}
