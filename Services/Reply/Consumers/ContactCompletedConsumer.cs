using MassTransit;
using ProposalPlatform.Contracts.ContactScheduling;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.Reply.Consumers;

/// <summary>Contact before reply: once the submitter has been reached in a round, that round's formal reply may be issued.</summary>
public sealed class ContactCompletedConsumer(PlatformDatabase database) : IConsumer<ContactCompleted>
{
    public Task Consume(ConsumeContext<ContactCompleted> context) =>
        database.ApplyOnceAsync(context, this, work => ReplyRepository.RecordContactCompletedAsync(
            work, context.Message.ProposalId, context.Message.Round, context.Message.CompletedAt, context.CancellationToken));
}
