using MassTransit;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

/// <summary>
/// What intake keeps of the other services' later events: who co-handles an item (and so may read
/// it), and how far the item's handling has come in its round (its status in the register). The story
/// these events tell is reporting's; the consumer keeps its name, which is its queue's.
/// </summary>
public sealed class ItemStoryConsumer(PlatformDatabase database, ILogger<ItemStoryConsumer> logger) :
    IConsumer<CoHandlingAssigned>,
    IConsumer<FeedbackReceived>,
    IConsumer<ReHandlingRequested>,
    IConsumer<ProposalReopened>
{
    /// <summary>What the queue received while it told the story, and no longer does.</summary>
    public static readonly Type[] Retired =
    [
        typeof(CoHandlingOpinionSubmitted), typeof(DeadlineApproaching),
        typeof(Contracts.ContactScheduling.ContactScheduled), typeof(Contracts.ContactScheduling.ContactCancelled),
        typeof(Contracts.ContactScheduling.ContactOutcomeRecorded), typeof(Contracts.ContactScheduling.ContactMissing),
        typeof(ReplyDrafted), typeof(ReplySignOffRecorded),
    ];

    public Task Consume(ConsumeContext<CoHandlingAssigned> context) =>
        // the co-handler may read the item from now on; adding it twice changes nothing
        database.ApplyOnceAsync(context, this, work =>
            ProposalRepository.AddCoHandlerAsync(work, context.Message.ProposalId, context.Message.UnitCode, context.CancellationToken));

    public Task Consume(ConsumeContext<FeedbackReceived> context) =>
        database.AdvanceOnceAsync(context, this, logger, context.Message.ProposalId,
            context.Message.OnResult == SatisfactionLevel.Dissatisfied ? ProposalStage.Dissatisfied : ProposalStage.Satisfied, context.Message.Round);

    public Task Consume(ConsumeContext<ReHandlingRequested> context) =>
        database.AdvanceOnceAsync(context, this, logger, context.Message.ProposalId, ProposalStage.Dissatisfied, context.Message.Round);

    public Task Consume(ConsumeContext<ProposalReopened> context) =>
        database.AdvanceOnceAsync(context, this, logger, context.Message.ProposalId, ProposalStage.Assigned, context.Message.Round);
}
