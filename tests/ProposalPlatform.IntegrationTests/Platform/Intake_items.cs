using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProposalPlatform.IntegrationTests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class Intake_items(PlatformFixture platform)
{
    private readonly HttpClient _gateway = platform.Gateway;

    [Fact]
    public async Task A_cell_that_would_be_a_formula_in_a_spreadsheet_is_stored_and_read_as_it_came()
    {
        // Arrange: exports neutralise such cells on the way out (SpreadsheetCells); the item keeps them
        var number = Items.NextNumber();
        const string Title = "=cmd|' /C calc'!A0 关于口岸建设的建议";
        var item = IntakeItems.Item(2017, number, Title, "+1 建议加强口岸建设。");
        item["leadSubmitter"]!["name"] = "@张三";

        // Act
        var id = (await _gateway.RegisterAsync(item))["id"]!.GetValue<Guid>();
        var stored = await _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals/{id}");

        // Assert
        Assert.Equal(Title, stored!["title"]!.GetValue<string>());
        Assert.Equal("+1 建议加强口岸建设。", stored["text"]!.GetValue<string>());
        Assert.Equal("@张三", stored["leadSubmitter"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Full_text_search_finds_chinese_words_in_the_title_and_text()
    {
        // Arrange
        var number = Items.NextNumber();
        var marker = "跨境电商零售进口" + number;
        var item = IntakeItems.Item(2017, number, "关于完善监管的建议", $"建议完善{marker}监管政策。");
        item["tags"] = new JsonArray("跨境电商");
        item["handlingMode"] = "Separate";
        item["isKeyItem"] = true;
        item["submittingUnitCode"] = "GZ-5100";
        var id = (await _gateway.RegisterAsync(item))["id"]!.GetValue<Guid>();
        await _gateway.RegisterAsync(IntakeItems.Item(2017, Items.NextNumber(), "关于口岸卫生检疫的建议", "建议加强口岸卫生检疫。"));

        // Act
        var found = await Eventually.Until(
            () => _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?q={Uri.EscapeDataString(marker)}"),
            page => page!["total"]!.GetValue<long>() == 1,
            "the item found by its text");

        // Assert
        Assert.Equal(id, found!["items"]![0]!["id"]!.GetValue<Guid>());
        var filtered = await _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?sessionYear=2017&topic=跨境电商&handlingMode=Separate&keyItem=true&number={number}");
        Assert.Equal(1, filtered!["total"]!.GetValue<long>());
        Assert.DoesNotContain("0755-12345678", filtered.ToJsonString(), StringComparison.Ordinal);
        var single = await _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals/{id}");
        Assert.Equal("0755-12345678", single!["leadSubmitter"]!["phone"]!.GetValue<string>());
        Assert.Equal("GZ-5100", single["submittingUnitCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_correction_keeps_the_earlier_version_with_its_reason()
    {
        // Arrange
        var item = IntakeItems.Item(2017, Items.NextNumber(), "关于设立保税物流中心的建意", "建议设立保税物流中心。");
        var id = (await _gateway.RegisterAsync(item))["id"]!.GetValue<Guid>();

        // Act
        using var corrected = await _gateway.PostAsJsonAsync($"/api/intake/proposals/{id}/corrections",
            new { reason = "标题错别字", title = "关于设立保税物流中心的建议" });
        using var noReason = await _gateway.PostAsJsonAsync($"/api/intake/proposals/{id}/corrections", new { title = "另一个标题" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(2, (await corrected.ReadJsonAsync())["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["reason"], (await noReason.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        var versions = await _gateway.GetFromJsonAsync<JsonArray>($"/api/intake/proposals/{id}/versions");
        Assert.Equal(2, versions!.Count);
        Assert.Equal("关于设立保税物流中心的建意", versions[0]!["data"]!["title"]!.GetValue<string>());
        Assert.Equal("标题错别字", versions[0]!["replacedBecause"]!.GetValue<string>());
        Assert.Equal("关于设立保税物流中心的建议", versions[1]!["data"]!["title"]!.GetValue<string>());
        Assert.DoesNotContain("0755-12345678", versions.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nearly_identical_items_of_a_session_become_a_candidate_pair_the_office_can_confirm()
    {
        // Arrange: two deputies ask for the same bonded zone in almost the same words; a third asks something else
        var year = 2018;
        var a = (await _gateway.RegisterAsync(IntakeItems.Item(year, Items.NextNumber(), "关于在惠州设立综合保税区的建议",
            "建议海关总署支持惠州市设立综合保税区，促进加工贸易转型升级，扩大对外开放，带动当地就业和产业发展。")))["id"]!.GetValue<Guid>();
        var b = (await _gateway.RegisterAsync(IntakeItems.Item(year, Items.NextNumber(), "关于支持惠州设立综合保税区的建议",
            "建议海关总署支持惠州市设立综合保税区，促进加工贸易转型升级，扩大对外开放，带动就业和产业发展。")))["id"]!.GetValue<Guid>();
        await _gateway.RegisterAsync(IntakeItems.Item(year, Items.NextNumber(), "关于加强口岸卫生检疫的建议",
            "疫情期间入境人员增多，建议加强口岸卫生检疫力量，完善检疫设施。", "卫生检疫"));

        // Act
        var similar = await Eventually.Until(
            () => _gateway.GetFromJsonAsync<JsonArray>($"/api/intake/proposals/{a}/similar"),
            pairs => pairs!.Count > 0,
            "the pair found");

        // Assert
        var pair = Assert.Single(similar!);
        Assert.Equal(b, pair!["proposalId"]!.GetValue<Guid>());
        Assert.True(pair["similarity"]!.GetValue<double>() >= 0.6);
        Assert.Equal("Candidate", pair["status"]!.GetValue<string>());
        var pairId = pair["pairId"]!.GetValue<Guid>();
        using var confirm = await _gateway.PostAsJsonAsync($"/api/intake/similar/{pairId}/confirm", new { note = "并案办理" });
        using var dismiss = await _gateway.PostAsJsonAsync($"/api/intake/similar/{pairId}/dismiss", new { });
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, dismiss.StatusCode);
        var confirmed = await _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/similar?status=Confirmed&sessionYear={year}");
        Assert.Contains(confirmed!["items"]!.AsArray(), p => p!["id"]!.GetValue<Guid>() == pairId);
    }

    [Fact]
    public async Task A_co_signer_may_be_named_without_a_place_and_the_register_filters_by_term_and_meeting()
    {
        // Arrange: the assigning office's list gives the co-signers' names only; two items of two meetings of one term
        // (session 2005 and term 93 are this test's alone)
        var own = Items.NextNumber();
        var named = IntakeItems.Item(2005, own, "关于口岸收费清理的建议", $"建议清理口岸收费{own}。");
        named["session"] = new JsonObject { ["year"] = 2005, ["term"] = 93, ["meeting"] = 2 };
        named["coSigners"] = new JsonArray(new JsonObject { ["name"] = "李四" }, new JsonObject { ["name"] = "王五", ["province"] = "广东省" });
        var other = IntakeItems.Item(2005, Items.NextNumber(), "关于口岸收费公示的建议", $"建议公示口岸收费{own}。");
        other["session"] = new JsonObject { ["year"] = 2005, ["term"] = 93, ["meeting"] = 3 };
        var noLeadPlace = IntakeItems.Item(2005, Items.NextNumber(), "关于口岸的建议", "建议。");
        noLeadPlace["leadSubmitter"]!.AsObject().Remove("city");

        // Act
        var id = (await _gateway.RegisterAsync(named))["id"]!.GetValue<Guid>();
        await _gateway.RegisterAsync(other);
        using var refused = await _gateway.PostAsJsonAsync("/api/intake/proposals", noLeadPlace);
        var term = await _gateway.GetFromJsonAsync<JsonObject>("/api/intake/proposals?sessionTerm=93&pageSize=200");
        var meeting = await _gateway.GetFromJsonAsync<JsonObject>("/api/intake/proposals?sessionTerm=93&sessionMeeting=2&pageSize=200");
        using var badTerm = await _gateway.GetAsync("/api/intake/proposals?sessionTerm=0&sessionMeeting=-1");

        // Assert: the co-signers are kept as given; only the lead's place is required
        var item = await _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals/{id}");
        var coSigners = item!["coSigners"]!.AsArray();
        Assert.Equal(["李四", "王五"], coSigners.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Null(coSigners[0]!["province"]);
        Assert.Equal("广东省", coSigners[1]!["province"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("leadSubmitter.city", (await refused.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(2, term!["total"]!.GetValue<long>());
        Assert.Equal(id, Assert.Single(meeting!["items"]!.AsArray())!["id"]!.GetValue<Guid>());
        Assert.Equal(HttpStatusCode.BadRequest, badTerm.StatusCode);
        Assert.Equal(["sessionMeeting", "sessionTerm"], (await badTerm.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key).Order());
    }
}
