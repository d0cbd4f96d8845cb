using MassTransit;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

/// <summary>
/// How an event becomes a step of an item's story: applied once (inbox), and logged and left when
/// intake does not know the item.
/// </summary>
internal static class StoryStep
{
    public static Task AppendOnceAsync<T>(
        this PlatformDatabase database, ConsumeContext<T> context, IConsumer consumer, ILogger logger,
        Guid proposalId, string step, ProposalStage? reached, DateTimeOffset at, string detail, int? round = null, string? source = null)
        where T : class =>
        database.ApplyOnceAsync(context, consumer, async work =>
        {
            if (!await ProposalRepository.TryAppendStepAsync(work, proposalId, step, reached, at, detail, context.CancellationToken, round, source))
            {
                UnknownItemLog.Skipped(logger, typeof(T).Name, proposalId);
            }
        });
}
