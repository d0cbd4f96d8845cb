using MassTransit;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Consumers;

/// <summary>Every assigned item gets a contact task: the unit must talk with the submitter before replying.</summary>
public sealed class ProposalAssignedConsumer(PlatformDatabase database) : IConsumer<ProposalAssigned>
{
    public Task Consume(ConsumeContext<ProposalAssigned> context) =>
        database.ApplyOnceAsync(context, this, work => ContactRepository.OpenTaskAsync(
            work, context.Message.ProposalId, context.Message.UnitCode, context.Message.AssignedAt, context.CancellationToken));
}
