using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

/// <summary>The proposal office moved an item to another unit: the story says so and the unit filter follows it.</summary>
public sealed class ProposalReassignedConsumer(PlatformDatabase database, ILogger<ProposalReassignedConsumer> logger) : IConsumer<ProposalReassigned>
{
    public Task Consume(ConsumeContext<ProposalReassigned> context)
    {
        var reassigned = context.Message;
        return database.ApplyOnceAsync(context, this, async work =>
        {
            var known = await ProposalRepository.TryAppendStepAsync(
                work, reassigned.ProposalId, TimelineSteps.Reassigned, reached: null, reassigned.ReassignedAt,
                $"Reassigned from {reassigned.FromUnitCode} to {reassigned.ToUnitName} ({reassigned.ToUnitCode}) by {reassigned.By}: {reassigned.Reason}",
                context.CancellationToken);
            if (!known)
            {
                UnknownItemLog.Skipped(logger, nameof(ProposalReassigned), reassigned.ProposalId);
                return;
            }

            await ProposalRepository.ReassignUnitAsync(
                work, reassigned.ProposalId, reassigned.ToUnitCode, reassigned.ReassignedAt, context.CancellationToken);
        });
    }
}
