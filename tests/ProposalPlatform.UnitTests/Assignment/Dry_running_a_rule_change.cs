using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.UnitTests.Assignment;

public class Dry_running_a_rule_change
{
    private static readonly RoutingRule[] _current =
    [
        new("保税", "HQ-FTZ", 10, Id: 1),
        new("关税", "HQ-TARIFF", 10, Id: 2),
    ];

    private static readonly RoutedItem[] _items =
    [
        new(Guid.NewGuid(), "跨境电商保税进口", "跨境电商保税", [], "HQ-FTZ", false),
        new(Guid.NewGuid(), "调整关税", "关税", [], "HQ-TARIFF", false),
        new(Guid.NewGuid(), "营商环境", "营商环境", [], "HQ-OFFICE", false),
    ];

    [Fact]
    public void Lists_the_items_a_new_rule_would_move_from_which_unit_to_which()
    {
        var proposed = new RuleSetChange(Add: [new RoutingRule("跨境电商", "HQ-CLEARANCE", 5)]).ApplyTo(_current);

        var moves = RoutingDryRun.Moves(_items, _current, proposed);

        var move = Assert.Single(moves);
        Assert.Equal(_items[0].ProposalId, move.ProposalId);
        Assert.Equal("HQ-FTZ", move.FromUnitCode);
        Assert.Equal("HQ-CLEARANCE", move.ToUnitCode);
    }

    [Fact]
    public void Sends_items_of_a_removed_rule_to_the_proposal_office()
    {
        var proposed = new RuleSetChange(Remove: [2]).ApplyTo(_current);

        var moves = RoutingDryRun.Moves(_items, _current, proposed);

        var move = Assert.Single(moves);
        Assert.Equal(("HQ-TARIFF", Router.ProposalOfficeCode), (move.FromUnitCode, move.ToUnitCode));
    }

    [Fact]
    public void Counts_a_change_of_co_handlers_as_a_move()
    {
        var proposed = new RuleSetChange(Update: [new RoutingRule("关税", "HQ-TARIFF", 10, ["HQ-STATISTICS"], 2)]).ApplyTo(_current);

        var moves = RoutingDryRun.Moves(_items, _current, proposed);

        var move = Assert.Single(moves);
        Assert.Equal("HQ-TARIFF", move.ToUnitCode);
        Assert.Equal(["HQ-STATISTICS"], move.ToCoUnitCodes);
    }

    [Fact]
    public void Marks_an_item_the_office_assigned_by_hand()
    {
        RoutedItem[] items = [new(Guid.NewGuid(), "调整关税", "关税", [], "HQ-STATISTICS", true)];
        var proposed = new RuleSetChange(Remove: [2]).ApplyTo(_current);

        var move = Assert.Single(RoutingDryRun.Moves(items, _current, proposed));

        Assert.True(move.ManuallyAssigned);
        Assert.Equal("HQ-STATISTICS", move.FromUnitCode);
    }

    [Fact]
    public void Lists_nothing_when_the_change_routes_every_item_as_before()
    {
        var proposed = new RuleSetChange(Add: [new RoutingRule("缉私", "HQ-ANTISMUGGLING", 10)]).ApplyTo(_current);

        var moves = RoutingDryRun.Moves(_items, _current, proposed);

        Assert.Empty(moves);
    }
}
