using MassTransit;
using ProposalPlatform.Contracts.ContactScheduling;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

public sealed class ContactCompletedConsumer(PlatformDatabase database) : IConsumer<ContactCompleted>
{
    public Task Consume(ConsumeContext<ContactCompleted> context)
    {
        var contact = context.Message;
        return database.ApplyOnceAsync(context, this, work => ProposalRepository.AppendTimelineAsync(
            work, contact.ProposalId, ProposalStage.ContactCompleted, contact.CompletedAt,
            $"Contact with the submitter completed ({contact.Channel})",
            context.CancellationToken));
    }
}
