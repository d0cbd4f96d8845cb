using System.Globalization;
using MassTransit;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Contracts.ContactScheduling;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

/// <summary>
/// Writes an item's story from the other services' events — co-handling, contacts, drafts, sign-off,
/// feedback, re-handling — so that one call answers with the whole of it without asking four
/// databases. One projection, one queue: each event is one line of the story.
/// </summary>
public sealed class ItemStoryConsumer(PlatformDatabase database, ILogger<ItemStoryConsumer> logger) :
    IConsumer<CoHandlingAssigned>,
    IConsumer<CoHandlingOpinionSubmitted>,
    IConsumer<DeadlineApproaching>,
    IConsumer<ContactScheduled>,
    IConsumer<ContactCancelled>,
    IConsumer<ContactOutcomeRecorded>,
    IConsumer<ContactMissing>,
    IConsumer<ReplyDrafted>,
    IConsumer<ReplySignOffRecorded>,
    IConsumer<FeedbackReceived>,
    IConsumer<ReHandlingRequested>,
    IConsumer<ProposalReopened>
{
    public async Task Consume(ConsumeContext<CoHandlingAssigned> context)
    {
        var m = context.Message;
        await AppendAsync(context, m.ProposalId, TimelineSteps.CoHandlingAssigned, StorySources.Assignment, m.AssignedAt,
            $"Co-handled by {m.UnitName} ({m.UnitCode}); its opinion to {m.LeadUnitCode} is due {Day(m.OpinionDueAt)}");
        // the co-handler may read the item from now on; adding it twice changes nothing, so a redelivery may run this again
        await ProposalRepository.AddCoHandlerAsync(database, m.ProposalId, m.UnitCode, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<CoHandlingOpinionSubmitted> context)
    {
        var m = context.Message;
        return AppendAsync(context, m.ProposalId, TimelineSteps.CoHandlingOpinion, StorySources.Assignment, m.SubmittedAt,
            $"Opinion of co-handler {m.UnitCode} sent by {m.SubmittedBy}");
    }

    public Task Consume(ConsumeContext<DeadlineApproaching> context)
    {
        var m = context.Message;
        var what = m.Kind == DeadlineKind.CoHandlingOpinion ? $"Co-handling opinion of {m.UnitCode}" : $"Reply by {m.UnitCode}";
        return AppendAsync(context, m.ProposalId, TimelineSteps.DeadlineApproaching, StorySources.Assignment, m.WarnedAt,
            $"{what} is due {Day(m.DueAt)}");
    }

    public Task Consume(ConsumeContext<ContactScheduled> context)
    {
        var m = context.Message;
        var entrusted = m.EntrustedUnitCode is null ? "" : $", entrusted to district {m.EntrustedUnitCode}";
        return AppendAsync(context, m.ProposalId, m.Rescheduled ? TimelineSteps.ContactRescheduled : TimelineSteps.ContactScheduled,
            StorySources.Contacts, m.At,
            $"{m.Channel} with {m.SubmitterName} planned {Minute(m.PlannedStart)} to {Minute(m.PlannedEnd)} by {m.Handler}{entrusted}");
    }

    public Task Consume(ConsumeContext<ContactCancelled> context)
    {
        var m = context.Message;
        return AppendAsync(context, m.ProposalId, TimelineSteps.ContactCancelled, StorySources.Contacts, m.At,
            $"Contact {m.ContactId} cancelled by {m.By}: {m.Reason}");
    }

    public Task Consume(ConsumeContext<ContactOutcomeRecorded> context)
    {
        var m = context.Message;
        var with = m.WithLeadSubmitter ? $"{m.SubmitterName} (lead submitter)" : m.SubmitterName;
        var reported = m.ReportedByUnitCode is null ? "" : $"; visit made and reported by district {m.ReportedByUnitCode}";
        return AppendAsync(context, m.ProposalId, TimelineSteps.ContactOutcome, StorySources.Contacts, m.At,
            $"{m.Channel} with {with}: {m.Outcome}{reported}");
    }

    public Task Consume(ConsumeContext<ContactMissing> context)
    {
        var m = context.Message;
        return AppendAsync(context, m.ProposalId, TimelineSteps.ContactMissing, StorySources.Contacts, m.At,
            $"No contact scheduled by {m.UnitCode} {m.DaysWithoutContact} days after assignment on {Day(m.AssignedAt)}", m.Round);
    }

    public Task Consume(ConsumeContext<ReplyDrafted> context)
    {
        var m = context.Message;
        return AppendAsync(context, m.ProposalId, TimelineSteps.ReplyDrafted, StorySources.Reply, m.At,
            $"Draft reply version {m.Version} saved by {m.By}", m.Round);
    }

    public Task Consume(ConsumeContext<ReplySignOffRecorded> context)
    {
        var m = context.Message;
        var decision = m.Approved ? "approved" : "sent back";
        var comments = string.IsNullOrWhiteSpace(m.Comments) ? "" : $": {m.Comments}";
        return AppendAsync(context, m.ProposalId, TimelineSteps.SignOff, StorySources.Reply, m.At,
            $"{m.Step} {m.By} {decision} draft version {m.DraftVersion}{comments}", m.Round);
    }

    public Task Consume(ConsumeContext<FeedbackReceived> context)
    {
        var m = context.Message;
        var stage = m.OnResult == SatisfactionLevel.Dissatisfied ? ProposalStage.Dissatisfied : ProposalStage.Satisfied;
        return AppendAsync(context, m.ProposalId, TimelineSteps.Feedback, StorySources.Reply, m.At,
            $"The submitter answered: {m.OnResult} with the result, {m.OnAttitude} with the attitude", m.Round, stage);
    }

    public Task Consume(ConsumeContext<ReHandlingRequested> context)
    {
        var m = context.Message;
        return AppendAsync(context, m.ProposalId, TimelineSteps.ReHandlingRequested, StorySources.Reply, m.At,
            $"Re-handling requested after the reply of round {m.Round}: {m.Reason}", m.Round, ProposalStage.Dissatisfied);
    }

    public Task Consume(ConsumeContext<ProposalReopened> context)
    {
        var m = context.Message;
        return AppendAsync(context, m.ProposalId, TimelineSteps.Reopened, StorySources.Assignment, m.ReopenedAt,
            $"Reopened for re-handling (round {m.Round}) with {m.UnitCode}; new reply due {Day(m.DueAt)}", m.Round, ProposalStage.Assigned);
    }

    private Task AppendAsync<T>(
        ConsumeContext<T> context, Guid proposalId, string step, string source, DateTimeOffset at, string detail,
        int? round = null, ProposalStage? reached = null)
        where T : class =>
        database.AppendOnceAsync(context, this, logger, proposalId, step, reached, at, detail, round, source);

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Minute(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
