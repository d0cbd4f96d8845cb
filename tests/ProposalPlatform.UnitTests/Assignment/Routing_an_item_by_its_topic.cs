using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.UnitTests.Assignment;

public class Routing_an_item_by_its_topic
{
    private static readonly RoutingRule[] _rules =
    [
        new("卫生检疫", "HQ-HEALTH", 10),
        new("health quarantine", "HQ-HEALTH", 10),
        new("关税", "HQ-TARIFF", 10),
        new("tariff", "HQ-TARIFF", 10),
        new("走私", "HQ-ANTISMUGGLING", 10),
        new("AEO", "HQ-ENTERPRISE", 20),
    ];

    [Theory]
    [InlineData("卫生检疫", "HQ-HEALTH")]
    [InlineData("加强口岸卫生检疫能力建设", "HQ-HEALTH")]
    [InlineData("关于调整进口关税的建议", "HQ-TARIFF")]
    [InlineData("打击海上走私", "HQ-ANTISMUGGLING")]
    [InlineData("Tariff reform for small traders", "HQ-TARIFF")]
    public void Sends_the_item_to_the_unit_whose_keyword_the_topic_contains(string topic, string expectedUnit)
    {
        var unit = Router.LeadUnitFor(topic, _rules);

        Assert.Equal(expectedUnit, unit);
    }

    [Theory]
    [InlineData("TARIFF")]
    [InlineData("tariff")]
    [InlineData("Cross-border TaRiFf rules")]
    public void Ignores_case_when_matching(string topic)
    {
        var unit = Router.LeadUnitFor(topic, _rules);

        Assert.Equal("HQ-TARIFF", unit);
    }

    [Theory]
    [InlineData("aeo certification")]
    [InlineData("Mutual recognition of Aeo")]
    public void Ignores_case_of_an_upper_case_keyword(string topic)
    {
        var unit = Router.LeadUnitFor(topic, _rules);

        Assert.Equal("HQ-ENTERPRISE", unit);
    }

    [Fact]
    public void Does_not_match_a_keyword_the_topic_only_partly_contains()
    {
        var unit = Router.LeadUnitFor("卫生", _rules);

        Assert.Equal(Router.ProposalOfficeCode, unit);
    }
}
