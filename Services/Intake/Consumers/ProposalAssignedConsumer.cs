using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Consumers;

public sealed class ProposalAssignedConsumer(PlatformDatabase database) : IConsumer<ProposalAssigned>
{
    public Task Consume(ConsumeContext<ProposalAssigned> context)
    {
        var assigned = context.Message;
        return database.ApplyOnceAsync(context, this, async work =>
        {
            await ProposalRepository.AppendTimelineAsync(
                work, assigned.ProposalId, ProposalStage.Assigned, assigned.AssignedAt,
                $"Assigned to {assigned.UnitName} ({assigned.UnitCode}); reply due {assigned.DueAt:yyyy-MM-dd}",
                context.CancellationToken);
            await ProposalRepository.SetAssignedUnitAsync(work, assigned.ProposalId, assigned.UnitCode, context.CancellationToken);
        });
    }
}
