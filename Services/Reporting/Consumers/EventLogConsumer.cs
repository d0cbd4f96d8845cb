using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Contracts.ContactScheduling;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Messaging;
using ProposalPlatform.Reporting.Data;

namespace ProposalPlatform.Reporting.Consumers;

/// <summary>
/// Every event of the four services that tells of an item, taken in batches: each is appended to the
/// event log once (its message id is the key) and applied to the views in the same transaction. One
/// queue, so that the log is written in one place.
/// </summary>
public sealed class EventLogConsumer(EventLog log) :
    IConsumer<Batch<ProposalRegistered>>,
    IConsumer<Batch<ProposalsRegistered>>,
    IConsumer<Batch<ProposalCorrected>>,
    IConsumer<Batch<SimilarItemsConfirmed>>,
    IConsumer<Batch<ProposalAssigned>>,
    IConsumer<Batch<ProposalsAssigned>>,
    IConsumer<Batch<ProposalReassigned>>,
    IConsumer<Batch<ProposalReturned>>,
    IConsumer<Batch<ProposalReopened>>,
    IConsumer<Batch<DeadlineExtended>>,
    IConsumer<Batch<ProgressExplained>>,
    IConsumer<Batch<DeadlineApproaching>>,
    IConsumer<Batch<DeadlineMissed>>,
    IConsumer<Batch<CoHandlingAssigned>>,
    IConsumer<Batch<CoHandlingOpinionSubmitted>>,
    IConsumer<Batch<ContactScheduled>>,
    IConsumer<Batch<ContactCancelled>>,
    IConsumer<Batch<ContactOutcomeRecorded>>,
    IConsumer<Batch<ContactCompleted>>,
    IConsumer<Batch<ContactMissing>>,
    IConsumer<Batch<ReplyDrafted>>,
    IConsumer<Batch<ReplySignOffRecorded>>,
    IConsumer<Batch<ReplyIssued>>,
    IConsumer<Batch<FeedbackReceived>>,
    IConsumer<Batch<ReHandlingRequested>>,
    IConsumer<Batch<HandlingGroupFormed>>,
    IConsumer<Batch<ItemLeftHandlingGroup>>,
    IConsumer<Batch<HandlingGroupDissolved>>
{
    public Task Consume(ConsumeContext<Batch<ProposalRegistered>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ProposalsRegistered>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ProposalCorrected>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<SimilarItemsConfirmed>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ProposalAssigned>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ProposalsAssigned>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ProposalReassigned>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ProposalReturned>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ProposalReopened>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<DeadlineExtended>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ProgressExplained>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<DeadlineApproaching>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<DeadlineMissed>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<CoHandlingAssigned>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<CoHandlingOpinionSubmitted>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ContactScheduled>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ContactCancelled>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ContactOutcomeRecorded>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ContactCompleted>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ContactMissing>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ReplyDrafted>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ReplySignOffRecorded>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ReplyIssued>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<FeedbackReceived>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ReHandlingRequested>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<HandlingGroupFormed>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<ItemLeftHandlingGroup>> context) => AppendAsync(context);
    public Task Consume(ConsumeContext<Batch<HandlingGroupDissolved>> context) => AppendAsync(context);

    private Task AppendAsync<T>(ConsumeContext<Batch<T>> context) where T : class =>
        PoisonMessages.ApplyAsync(context, messages => log.AppendAsync(
            [.. messages.Select(m => new ArrivedEvent(
                m.MessageId ?? throw new InvalidOperationException($"A {typeof(T).Name} arrived without a message id."), m.Message))],
            context.CancellationToken));
}

/// <summary>
/// Up to 64 messages of a type in one transaction, waiting up to 250 ms for a batch to fill: nobody
/// waits on reporting, and at a steady stream of single items it pays for a transaction per 64 events.
/// </summary>
public sealed class EventLogConsumerDefinition() : BatchConsumerDefinition<EventLogConsumer>(
    inBackground: true, messageLimit: 64, timeLimit: TimeSpan.FromMilliseconds(250));
