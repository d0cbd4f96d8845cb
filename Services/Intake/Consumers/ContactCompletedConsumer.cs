using MassTransit;
using ProposalPlatform.Contracts.ContactScheduling;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

public sealed class ContactCompletedConsumer(PlatformDatabase database, ILogger<ContactCompletedConsumer> logger) : IConsumer<ContactCompleted>
{
    public Task Consume(ConsumeContext<ContactCompleted> context)
    {
        var contact = context.Message;
        return database.AppendOnceAsync(
            context, this, logger, contact.ProposalId, nameof(ProposalStage.ContactCompleted), ProposalStage.ContactCompleted, contact.CompletedAt,
            $"Contact with the lead submitter completed ({contact.Channel})", contact.Round, StorySources.Contacts);
    }
}
