using MassTransit;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Assignment.Consumers;

/// <summary>
/// The submitter was dissatisfied: the item is reopened with its lead unit for the next round, with a
/// new reply due one month from now, recorded in its assignment history. The deadline scheduler
/// watches the new due date like any other.
/// </summary>
public sealed partial class ReHandlingRequestedConsumer(PlatformDatabase database, TimeProvider clock, ILogger<ReHandlingRequestedConsumer> logger)
    : IConsumer<ReHandlingRequested>
{
    public Task Consume(ConsumeContext<ReHandlingRequested> context) =>
        database.ApplyOnceAsync(context, this, async work =>
        {
            var request = context.Message;
            var assignment = await AssignmentRepository.FindAsync(work, request.ProposalId, lockRow: true, context.CancellationToken);
            var round = request.Round + 1;
            var now = clock.GetUtcNow();
            var dueAt = Deadlines.ReHandlingDue(now);
            if (assignment is null || !await AssignmentRepository.ReopenAsync(work, request.ProposalId, round, dueAt, context.CancellationToken))
            {
                LogNotReopened(logger, request.ProposalId, round);
                return;
            }

            await AssignmentRepository.AddHistoryAsync(
                work, request.ProposalId, "Reopened", assignment.UnitCode, assignment.UnitCode,
                $"Re-handling round {round} after a dissatisfied answer: {request.Reason}", "feedback", now, context.CancellationToken);
            await work.PublishAsync(new ProposalReopened(request.ProposalId, round, assignment.UnitCode, now, dueAt), context.CancellationToken);
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Item {ProposalId} was not reopened for round {Round}: it is unknown, returned, or already in that round")]
    private static partial void LogNotReopened(ILogger logger, Guid proposalId, int round);
}
