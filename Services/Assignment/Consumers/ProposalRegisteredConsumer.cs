using MassTransit;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Assignment.Consumers;

/// <summary>
/// Assigns every registered item to its lead unit (and any co-handling units) by the routing rules on
/// its topic and tags. The reply clock starts at the assigning office's date of assignment when the
/// item carries one, else now. An item this body only co-handles is still given to an internal unit;
/// what it owes is an opinion, due in one month.
/// </summary>
public sealed class ProposalRegisteredConsumer(PlatformDatabase database, TimeProvider clock) : IConsumer<ProposalRegistered>
{
    public Task Consume(ConsumeContext<ProposalRegistered> context) =>
        database.ApplyOnceAsync(context, this, async work =>
        {
            var item = context.Message;
            var cancellationToken = context.CancellationToken;
            var tags = (item.Tags ?? []).Where(tag => !string.IsNullOrWhiteSpace(tag)).Select(tag => tag.Trim()).Distinct().ToArray();
            var routing = Router.Route(item.Topic, tags, await RuleRepository.RulesAsync(work, cancellationToken));
            var assignedAt = clock.GetUtcNow();
            var clockStartedAt = item.AssignedByOfficeAt ?? assignedAt;

            var assignment = await AssignmentRepository.AssignAsync(work, new NewAssignment(
                item.ProposalId, routing.LeadUnitCode, item.Topic, item.Title, assignedAt, Deadlines.DueFor(item.HandlingMode, clockStartedAt),
                clockStartedAt, item.HandlingMode.ToString(), tags, item.IsKeyItem,
                routing.Keyword is null ? "No routing rule matched: the proposal office assigns it" : $"Routing rule '{routing.Keyword}'"),
                cancellationToken);
            if (assignment is null)
            {
                return;
            }

            var coHandlers = await AssignmentRepository.AddCoHandlersAsync(
                work, item.ProposalId, routing.CoUnitCodes.ToArray(), assignedAt, Deadlines.CoHandlingOpinionDue(clockStartedAt), cancellationToken);
            foreach (var coHandler in coHandlers)
            {
                await AssignmentRepository.AddHistoryAsync(
                    work, item.ProposalId, "CoHandlingAssigned", null, coHandler.UnitCode, $"Routing rule '{routing.Keyword}'", "routing", assignedAt, cancellationToken);
            }

            await work.PublishAsync(new ProposalAssigned(
                assignment.ProposalId, assignment.UnitCode, assignment.UnitName, assignment.AssignedAt, assignment.DueAt,
                coHandlers.Select(c => c.UnitCode).ToList(), item.HandlingMode, assignment.ClockStartedAt), cancellationToken);
            await work.PublishManyAsync(
                coHandlers.Select(c => new CoHandlingAssigned(c.ProposalId, assignment.UnitCode, c.UnitCode, c.UnitName, c.AssignedAt, c.DueAt)).ToList(),
                cancellationToken);
        });
}
