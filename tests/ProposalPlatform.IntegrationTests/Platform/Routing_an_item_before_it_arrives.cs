using System.Net;
using System.Net.Http.Json;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>The office asks where the rules in force would send an item with a topic and tags, before any item is there.</summary>
[Collection(PlatformCollection.Name)]
public sealed class Routing_an_item_before_it_arrives(PlatformFixture platform)
{
    [Fact]
    public async Task Names_the_lead_unit_and_the_matched_keyword_and_the_office_when_no_rule_matches()
    {
        // Act
        using var matched = await platform.Gateway.PostAsJsonAsync("/api/assignment/rules/route", new { topic = "关于综合保税区建设", tags = new[] { "开放" } });
        using var unmatched = await platform.Gateway.PostAsJsonAsync("/api/assignment/rules/route", new { topic = $"无规则{Items.NextNumber()}" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, matched.StatusCode);
        var routing = await matched.ReadJsonAsync();
        Assert.Equal("HQ-FTZ", routing["leadUnitCode"]!.GetValue<string>());
        Assert.Equal("综合保税区", routing["keyword"]!.GetValue<string>());
        var none = await unmatched.ReadJsonAsync();
        Assert.Equal("HQ-OFFICE", none["leadUnitCode"]!.GetValue<string>());
        Assert.Null(none["keyword"]);
    }

    [Fact]
    public async Task Refuses_a_missing_topic_and_a_blank_tag_by_name_and_anyone_but_the_office()
    {
        // Act
        using var invalid = await platform.Gateway.PostAsJsonAsync("/api/assignment/rules/route", new { topic = " ", tags = new[] { "口岸", "" } });
        using var byHandler = await platform.Handler.PostAsJsonAsync("/api/assignment/rules/route", new { topic = "口岸" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal(["topic", "tags[1]"], errors.Select(e => e.Key));
        Assert.Equal(HttpStatusCode.Forbidden, byHandler.StatusCode);
    }
}
