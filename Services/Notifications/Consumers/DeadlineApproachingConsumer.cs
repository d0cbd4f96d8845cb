using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Notifications.Data;
using ProposalPlatform.Notifications.Domain;

namespace ProposalPlatform.Notifications.Consumers;

/// <summary>A reply or a co-handling opinion due soon: a notice to the unit that owes it.</summary>
public sealed class DeadlineApproachingConsumer(PlatformDatabase database, TimeProvider clock) : IConsumer<DeadlineApproaching>
{
    public Task Consume(ConsumeContext<DeadlineApproaching> context)
    {
        var warning = context.Message;
        var kind = warning.Kind == DeadlineKind.CoHandlingOpinion ? NoticeKind.OpinionDue : NoticeKind.ReplyDue;
        return database.ApplyOnceAsync(context, this, work => NoticeStore.AddAsync(
            work, warning.UnitCode, warning.ProposalId, kind, warning.DueAt, warning.DaysBefore, warning.WarnedAt, clock.GetUtcNow(), context.CancellationToken));
    }
}
