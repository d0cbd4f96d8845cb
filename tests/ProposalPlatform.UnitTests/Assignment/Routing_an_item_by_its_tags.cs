using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.UnitTests.Assignment;

public class Routing_an_item_by_its_tags
{
    private static readonly RoutingRule[] _rules =
    [
        new("综合保税区", "HQ-FTZ", 5, ["HQ-TARIFF", "HQ-PORTS"]),
        new("关税", "HQ-TARIFF", 10),
        new("口岸", "HQ-PORTS", 10, ["HQ-PORTS", "HQ-HEALTH", "HQ-HEALTH"]),
    ];

    [Fact]
    public void Finds_the_keyword_in_a_tag_when_the_topic_lacks_it()
    {
        var routing = Router.Route("优化营商环境", ["进口关税"], _rules);

        Assert.Equal("HQ-TARIFF", routing.LeadUnitCode);
        Assert.Equal("关税", routing.Keyword);
    }

    [Fact]
    public void Takes_the_co_handling_units_of_the_winning_rule()
    {
        var routing = Router.Route("推动综合保税区高质量发展", ["关税"], _rules);

        Assert.Equal("HQ-FTZ", routing.LeadUnitCode);
        Assert.Equal(["HQ-TARIFF", "HQ-PORTS"], routing.CoUnitCodes);
    }

    [Fact]
    public void Never_lists_the_lead_as_a_co_handler_nor_a_unit_twice()
    {
        var routing = Router.Route("口岸建设", null, _rules);

        Assert.Equal("HQ-PORTS", routing.LeadUnitCode);
        Assert.Equal(["HQ-HEALTH"], routing.CoUnitCodes);
    }

    [Fact]
    public void Goes_to_the_proposal_office_without_co_handlers_when_nothing_matches()
    {
        var routing = Router.Route("优化营商环境", ["营商"], _rules);

        Assert.Equal(Router.ProposalOfficeCode, routing.LeadUnitCode);
        Assert.Empty(routing.CoUnitCodes);
        Assert.Null(routing.Keyword);
    }
}
