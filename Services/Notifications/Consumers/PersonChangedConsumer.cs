using MassTransit;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Notifications.Data;

namespace ProposalPlatform.Notifications.Consumers;

/// <summary>A person created or changed in the identity service: their unit's digests go to their address, or no longer.</summary>
public sealed class PersonChangedConsumer(PlatformDatabase database) : IConsumer<PersonChanged>
{
    public Task Consume(ConsumeContext<PersonChanged> context) =>
        database.ApplyOnceAsync(context, this, work => PeopleStore.RecordAsync(work, context.Message, context.CancellationToken));
}
