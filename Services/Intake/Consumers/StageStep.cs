using MassTransit;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

/// <summary>
/// How another service's step moves an item's stage on (its status in the register): applied once
/// (inbox), and logged and left when intake does not know the item. The story itself is reporting's.
/// </summary>
internal static class StageStep
{
    public static Task AdvanceOnceAsync<T>(
        this PlatformDatabase database, ConsumeContext<T> context, IConsumer consumer, ILogger logger, Guid proposalId, ProposalStage reached, int? round = null)
        where T : class =>
        database.ApplyOnceAsync(context, consumer, async work =>
        {
            if (!await ProposalRepository.AdvanceAsync(work, proposalId, reached, context.CancellationToken, round))
            {
                UnknownItemLog.Skipped(logger, typeof(T).Name, proposalId);
            }
        });
}
