using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Notifications.Data;
using ProposalPlatform.Notifications.Domain;

namespace ProposalPlatform.Notifications.Consumers;

/// <summary>A reply or a co-handling opinion late: a notice to the unit that owes it.</summary>
public sealed class DeadlineMissedConsumer(PlatformDatabase database, TimeProvider clock) : IConsumer<DeadlineMissed>
{
    public Task Consume(ConsumeContext<DeadlineMissed> context)
    {
        var missed = context.Message;
        var kind = missed.Kind == DeadlineKind.CoHandlingOpinion ? NoticeKind.OpinionOverdue : NoticeKind.ReplyOverdue;
        return database.ApplyOnceAsync(context, this, work => NoticeStore.AddAsync(
            work, missed.UnitCode, missed.ProposalId, kind, missed.DueAt, null, missed.DetectedAt, clock.GetUtcNow(), context.CancellationToken));
    }
}
