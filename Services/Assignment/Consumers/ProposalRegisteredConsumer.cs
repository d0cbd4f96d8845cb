using MassTransit;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Messaging;

namespace ProposalPlatform.Assignment.Consumers;

/// <summary>
/// Assigns every registered item to its lead unit (and any co-handling units) by the routing rules on
/// its topic and tags. The reply clock starts at the assigning office's date of assignment when the
/// item carries one, else now. An item this body only co-handles is still given to an internal unit;
/// what it owes is an opinion, due in one month.
/// </summary>
public sealed class ProposalRegisteredConsumer(PlatformDatabase database, TimeProvider clock)
    : IConsumer<Batch<ProposalRegistered>>, IConsumer<ProposalsRegistered>
{
    // Items registered one at a time arrive in MassTransit batches; the items of one chunk of the
    // office's batch arrive in one message. Either way they are assigned in one transaction (one read
    // of the rules, one commit) and announced in one ProposalsAssigned.
    public Task Consume(ConsumeContext<Batch<ProposalRegistered>> context) =>
        database.ApplyOnceAsync(context, this, (work, batch) => AssignAllAsync(work, batch, context.CancellationToken));

    public Task Consume(ConsumeContext<ProposalsRegistered> context) =>
        database.ApplyOnceAsync(context, this, work => AssignAllAsync(work, context.Message.Proposals, context.CancellationToken));

    private async Task AssignAllAsync(UnitOfWork work, IReadOnlyList<ProposalRegistered> items, CancellationToken cancellationToken)
    {
        var rules = await RuleRepository.RulesAsync(work, cancellationToken);
        var assignedAt = clock.GetUtcNow();
        var routed = items.Select(item => (Item: item, Tags: TagsOf(item), Routing: Router.Route(item.Topic, TagsOf(item), rules))).ToList();

        // Items whose rule brings co-handlers take the full path, one at a time; the rest (nearly
        // all) are stored, recorded and announced in a few statements for all of them.
        foreach (var (item, _, _) in routed.Where(r => r.Routing.CoUnitCodes.Count > 0))
        {
            await AssignAsync(work, item, rules, cancellationToken);
        }

        var plain = routed.Where(r => r.Routing.CoUnitCodes.Count == 0)
            .Select(r => (r.Item, Assignment: NewAssignmentFor(r.Item, r.Tags, r.Routing, assignedAt)))
            .ToList();
        if (plain.Count == 0)
        {
            return;
        }

        var inserted = await AssignmentRepository.AssignManyAsync(work, plain.Select(p => p.Assignment).ToList(), cancellationToken);
        if (inserted.Count == 0)
        {
            return;
        }

        var names = await UnitRepository.NamesAsync(work, plain.Select(p => p.Assignment.UnitCode).Distinct().ToArray(), cancellationToken);
        await work.PublishAsync(
            new ProposalsAssigned([.. plain.Where(p => inserted.Contains(p.Item.ProposalId))
                .Select(p => new ProposalAssigned(
                    p.Item.ProposalId, p.Assignment.UnitCode, names[p.Assignment.UnitCode], p.Assignment.AssignedAt, p.Assignment.DueAt,
                    [], p.Item.HandlingMode, p.Assignment.ClockStartedAt, RegisteredItem.Of(p.Item)))]),
            cancellationToken);
    }

    private static string[] TagsOf(ProposalRegistered item) =>
        (item.Tags ?? []).Where(tag => !string.IsNullOrWhiteSpace(tag)).Select(tag => tag.Trim()).Distinct().ToArray();

    private static NewAssignment NewAssignmentFor(ProposalRegistered item, string[] tags, Routing routing, DateTimeOffset assignedAt)
    {
        var clockStartedAt = item.AssignedByOfficeAt ?? assignedAt;
        return new NewAssignment(
            item.ProposalId, routing.LeadUnitCode, item.Topic, item.Title, assignedAt, Deadlines.DueFor(item.HandlingMode, clockStartedAt),
            clockStartedAt, item.HandlingMode.ToString(), tags, item.IsKeyItem,
            routing.Keyword is null ? "No routing rule matched: the proposal office assigns it" : $"Routing rule '{routing.Keyword}'",
            item.Kind.ToString());
    }

    private async Task AssignAsync(UnitOfWork work, ProposalRegistered item, IReadOnlyList<RoutingRule> rules, CancellationToken cancellationToken)
    {
        var tags = TagsOf(item);
        var routing = Router.Route(item.Topic, tags, rules);
        var assignedAt = clock.GetUtcNow();
        var clockStartedAt = item.AssignedByOfficeAt ?? assignedAt;

        var assignment = await AssignmentRepository.AssignAsync(work, NewAssignmentFor(item, tags, routing, assignedAt), cancellationToken);
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
            coHandlers.Select(c => c.UnitCode).ToList(), item.HandlingMode, assignment.ClockStartedAt, RegisteredItem.Of(item)), cancellationToken);
        await work.PublishManyAsync(
            coHandlers.Select(c => new CoHandlingAssigned(c.ProposalId, assignment.UnitCode, c.UnitCode, c.UnitName, c.AssignedAt, c.DueAt)).ToList(),
            cancellationToken);
    }
}

public sealed class ProposalRegisteredConsumerDefinition : BatchConsumerDefinition<ProposalRegisteredConsumer>;
