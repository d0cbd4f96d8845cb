using MassTransit;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Assignment.Consumers;

/// <summary>Assigns every registered item to its lead unit by the routing rules; the reply clock starts now.</summary>
public sealed class ProposalRegisteredConsumer(PlatformDatabase database, TimeProvider clock) : IConsumer<ProposalRegistered>
{
    public Task Consume(ConsumeContext<ProposalRegistered> context) =>
        database.ApplyOnceAsync(context, this, async work =>
        {
            var item = context.Message;
            var rules = await AssignmentRepository.RulesAsync(work, context.CancellationToken);
            var unitCode = Router.LeadUnitFor(item.Topic, rules);
            var assignedAt = clock.GetUtcNow();

            var assignment = await AssignmentRepository.AssignAsync(
                work, item.ProposalId, unitCode, item.Topic, item.Title, assignedAt, Deadlines.ReplyDue(assignedAt), context.CancellationToken);
            if (assignment is not null)
            {
                await work.PublishAsync(new ProposalAssigned(
                    assignment.ProposalId, assignment.UnitCode, assignment.UnitName, assignment.AssignedAt, assignment.DueAt), context.CancellationToken);
            }
        });
}
