using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.UnitTests.Assignment;

public class Routing_an_item_no_rule_matches
{
    [Fact]
    public void Falls_back_to_the_proposal_office()
    {
        RoutingRule[] rules = [new("关税", "HQ-TARIFF", 10), new("food", "HQ-FOOD", 10)];

        var unit = Router.LeadUnitFor("优化营商环境", rules);

        Assert.Equal("HQ-OFFICE", unit);
    }

    [Fact]
    public void Falls_back_to_the_proposal_office_when_there_are_no_rules()
    {
        var unit = Router.LeadUnitFor("关税", []);

        Assert.Equal("HQ-OFFICE", unit);
    }

    [Fact]
    public void Never_matches_an_empty_keyword()
    {
        RoutingRule[] rules = [new("", "HQ-CATCH-ALL", 1)];

        var unit = Router.LeadUnitFor("anything at all", rules);

        Assert.Equal("HQ-OFFICE", unit);
    }
}
