using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.UnitTests.Assignment;

public class Choosing_between_matching_routing_rules
{
    [Fact]
    public void The_rule_with_the_lower_priority_number_wins()
    {
        RoutingRule[] rules = [new("port", "HQ-PORTS", 30), new("health quarantine", "HQ-HEALTH", 10)];

        var unit = Router.LeadUnitFor("Port health quarantine", rules);

        Assert.Equal("HQ-HEALTH", unit);
    }

    [Fact]
    public void Priority_wins_over_a_longer_keyword()
    {
        RoutingRule[] rules = [new("cross-border e-commerce", "HQ-CLEARANCE", 20), new("food", "HQ-FOOD", 10)];

        var unit = Router.LeadUnitFor("Food sold through cross-border e-commerce", rules);

        Assert.Equal("HQ-FOOD", unit);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void On_equal_priority_the_longest_keyword_wins(bool longestListedFirst)
    {
        RoutingRule[] rules = [new("保税", "HQ-BONDED", 10), new("综合保税区", "HQ-ZONES", 10)];
        if (longestListedFirst)
        {
            Array.Reverse(rules);
        }

        var unit = Router.LeadUnitFor("推动综合保税区高质量发展", rules);

        Assert.Equal("HQ-ZONES", unit);
    }

    [Fact]
    public void A_shorter_keyword_still_wins_alone_when_the_longer_one_is_absent()
    {
        RoutingRule[] rules = [new("保税", "HQ-BONDED", 10), new("综合保税区", "HQ-ZONES", 10)];

        var unit = Router.LeadUnitFor("保税物流中心", rules);

        Assert.Equal("HQ-BONDED", unit);
    }
}
