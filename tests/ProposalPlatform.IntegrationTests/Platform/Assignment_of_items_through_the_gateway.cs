using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProposalPlatform.IntegrationTests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class Assignment_of_items_through_the_gateway(PlatformFixture platform)
{
    private readonly HttpClient _gateway = platform.Gateway;

    private async Task<(Guid Id, JsonNode Assignment)> RegisterAndAssignAsync(string topic = "综合保税区")
    {
        // announced on the bus as the intake service does, so these tests depend on the assignment service alone
        var id = await AssignmentOffice.AnnounceAsync(platform, topic);
        return (id, await _gateway.GetWhenPresentAsync($"/api/assignment/assignments/{id}"));
    }

    [Theory]
    [InlineData("广东省", "深圳市", "DIST-SHENZHEN")]
    [InlineData("广东省", "东莞市", "DIST-HUANGPU")]
    [InlineData("内蒙古自治区", "呼伦贝尔市", "DIST-MANZHOULI")]
    [InlineData("江苏省", "苏州市", "DIST-NANJING")]
    [InlineData("新疆维吾尔自治区", "喀什地区", "DIST-URUMQI")]
    public async Task The_district_covering_a_place_is_found(string province, string city, string expected)
    {
        var district = await _gateway.GetFromJsonAsync<JsonObject>(
            $"/api/assignment/units/district-for?province={Uri.EscapeDataString(province)}&city={Uri.EscapeDataString(city)}");

        Assert.Equal(expected, district!["code"]!.GetValue<string>());
        Assert.Equal("District", district["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_place_no_district_covers_is_a_404_problem()
    {
        using var response = await _gateway.GetAsync($"/api/assignment/units/district-for?province={Uri.EscapeDataString("台湾省")}&city={Uri.EscapeDataString("台北市")}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task All_42_customs_districts_are_registered()
    {
        var units = await _gateway.GetFromJsonAsync<JsonArray>("/api/assignment/units");

        var districts = units!.Where(u => u!["kind"]!.GetValue<string>() == "District").ToList();
        Assert.Equal(42, districts.Count);
        Assert.All(districts, d => Assert.NotEmpty(d!["coverage"]!.AsArray()));
    }

    [Fact]
    public async Task The_office_reassigns_an_item_and_the_history_records_who_when_and_why()
    {
        // Arrange
        var (id, assignment) = await RegisterAndAssignAsync();
        Assert.Equal("HQ-FTZ", assignment["unitCode"]!.GetValue<string>());

        // Act
        using var response = await _gateway.PostAsJsonAsync($"/api/assignment/assignments/{id}/reassign",
            new { unitCode = "HQ-TARIFF", reason = "主要涉及关税政策" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("HQ-TARIFF", (await response.ReadJsonAsync())["unitCode"]!.GetValue<string>());
        var history = await _gateway.GetFromJsonAsync<JsonArray>($"/api/assignment/assignments/{id}/history")
            ?? throw new InvalidOperationException("no history");
        Assert.Equal(["Assigned", "Reassigned"], history.Select(h => h!["action"]!.GetValue<string>()));
        var reassigned = history[1]!;
        Assert.Equal("HQ-FTZ", reassigned["fromUnitCode"]!.GetValue<string>());
        Assert.Equal("HQ-TARIFF", reassigned["toUnitCode"]!.GetValue<string>());
        Assert.Equal("主要涉及关税政策", reassigned["reason"]!.GetValue<string>());
        Assert.Equal(PlatformFixture.OfficeClientName, reassigned["by"]!.GetValue<string>());
        Assert.Equal(1, await AssignmentOffice.PublishedCountAsync(platform, "ProposalReassigned", id));
    }

    [Theory]
    [InlineData("HQ-FTZ", "理由", false, HttpStatusCode.Conflict)]
    [InlineData("HQ-NOWHERE", "理由", false, HttpStatusCode.BadRequest)]
    [InlineData("HQ-TARIFF", " ", false, HttpStatusCode.BadRequest)]
    [InlineData("HQ-TARIFF", "理由", true, HttpStatusCode.Forbidden)]
    public async Task A_reassignment_to_the_same_or_an_unknown_unit_or_without_reason_or_by_the_unit_itself_is_refused(
        string unitCode, string reason, bool byTheUnit, HttpStatusCode expected)
    {
        var (id, _) = await RegisterAndAssignAsync();

        using var response = await (byTheUnit ? platform.Handler : _gateway).PostAsJsonAsync($"/api/assignment/assignments/{id}/reassign", new { unitCode, reason });

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var assignment = await _gateway.GetFromJsonAsync<JsonObject>($"/api/assignment/assignments/{id}");
        Assert.Equal("HQ-FTZ", assignment!["unitCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_item_is_returned_inside_the_window_once()
    {
        // Arrange
        var (id, _) = await RegisterAndAssignAsync();

        // Act
        using var first = await _gateway.PostAsJsonAsync($"/api/assignment/assignments/{id}/return", new { reason = "不属于海关职责" });
        using var second = await _gateway.PostAsJsonAsync($"/api/assignment/assignments/{id}/return", new { reason = "再次退回" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var returned = await first.ReadJsonAsync();
        Assert.Equal("Returned", returned["status"]!.GetValue<string>());
        Assert.Equal("不属于海关职责", returned["return"]!["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(1, await AssignmentOffice.PublishedCountAsync(platform, "ProposalReturned", id));
    }

    [Fact]
    public async Task A_return_after_the_window_is_refused_with_the_date_it_closed()
    {
        // Arrange: the assigning office handed the item over 20 days ago
        var assignedByOffice = DateTimeOffset.UtcNow.AddDays(-20);
        var id = await AssignmentOffice.AnnounceAsync(platform, "综合保税区", assignedByOffice);
        await _gateway.GetWhenPresentAsync($"/api/assignment/assignments/{id}");

        // Act
        using var response = await _gateway.PostAsJsonAsync($"/api/assignment/assignments/{id}/return", new { reason = "不属于海关职责" });

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        var closedOn = Items.BeijingDeadline(assignedByOffice, days: 10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(closedOn, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(closedOn, problem["windowClosedOn"]!.GetValue<string>());
        var assignment = await _gateway.GetFromJsonAsync<JsonObject>($"/api/assignment/assignments/{id}");
        Assert.Equal("Assigned", assignment!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_reply_deadline_is_extended_by_the_office_with_a_reason_to_six_months_at_most()
    {
        // Arrange
        var (id, assignment) = await RegisterAndAssignAsync();
        var clockStartedAt = assignment["clockStartedAt"]!.GetValue<DateTimeOffset>();
        await platform.Handler.ExplainProgressAsync(id);

        // Act
        using var extended = await _gateway.PostAsJsonAsync($"/api/assignment/assignments/{id}/extend",
            new { months = 3, reason = "需跨部门协调" });
        using var beyond = await _gateway.PostAsJsonAsync($"/api/assignment/assignments/{id}/extend",
            new { months = 1, reason = "再延" });
        using var unexplained = await _gateway.PostAsJsonAsync($"/api/assignment/assignments/{id}/extend", new { months = 1 });
        using var byTheUnit = await platform.Handler.PostAsJsonAsync($"/api/assignment/assignments/{id}/extend", new { months = 1, reason = "再延" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var body = await extended.ReadJsonAsync();
        Assert.Equal(Items.BeijingDeadline(clockStartedAt, months: 6), body["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(PlatformFixture.OfficeClientName, body["extensions"]![0]!["approvedBy"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.Contains("reason", (await unexplained.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.Forbidden, byTheUnit.StatusCode);
        Assert.Equal(1, await AssignmentOffice.PublishedCountAsync(platform, "DeadlineExtended", id));
    }

    [Fact]
    public async Task A_rule_with_co_handlers_routes_by_tag_and_gives_each_co_handler_a_one_month_deadline()
    {
        // Arrange
        var keyword = $"专项{Items.NextNumber()}";
        using var created = await _gateway.PostAsJsonAsync("/api/assignment/rules",
            new { keyword, unitCode = "HQ-PORTS", priority = 1, coUnitCodes = new[] { "HQ-HEALTH", "DIST-SHENZHEN" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ruleId = (await created.ReadJsonAsync())["id"]!.GetValue<int>();

        try
        {
            // Act
            var (id, assignment) = await RegisterAndAssignAsync($"口岸{keyword}建设");

            // Assert
            Assert.Equal("HQ-PORTS", assignment["unitCode"]!.GetValue<string>());
            var clockStartedAt = assignment["clockStartedAt"]!.GetValue<DateTimeOffset>();
            var coHandlers = assignment["coHandlers"]!.AsArray();
            Assert.Equal(["DIST-SHENZHEN", "HQ-HEALTH"], coHandlers.Select(c => c!["unitCode"]!.GetValue<string>()));
            Assert.All(coHandlers, c => Assert.Equal(Items.BeijingDeadline(clockStartedAt, months: 1), c!["opinionDueAt"]!.GetValue<DateTimeOffset>()));
            Assert.Equal(2, await AssignmentOffice.PublishedCountAsync(platform, "CoHandlingAssigned", id));
        }
        finally
        {
            using var deleted = await _gateway.DeleteAsync($"/api/assignment/rules/{ruleId}");
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
    }

    [Fact]
    public async Task A_dry_run_shows_which_items_would_move_and_changes_nothing()
    {
        // Arrange: an item no rule matches sits with the proposal office
        var keyword = $"试运行{Items.NextNumber()}";
        var (id, assignment) = await RegisterAndAssignAsync($"关于{keyword}的问题");
        Assert.Equal("HQ-OFFICE", assignment["unitCode"]!.GetValue<string>());
        var rulesBefore = await _gateway.GetFromJsonAsync<JsonArray>("/api/assignment/rules");

        // Act
        using var response = await _gateway.PostAsJsonAsync("/api/assignment/rules/dry-run",
            new { add = new[] { new { keyword, unitCode = "HQ-STATISTICS", priority = 1 } } });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moves = (await response.ReadJsonAsync())["moves"]!.AsArray();
        var move = Assert.Single(moves, m => m!["proposalId"]!.GetValue<Guid>() == id);
        Assert.Equal("HQ-OFFICE", move!["fromUnitCode"]!.GetValue<string>());
        Assert.Equal("HQ-STATISTICS", move["toUnitCode"]!.GetValue<string>());
        var after = await _gateway.GetFromJsonAsync<JsonObject>($"/api/assignment/assignments/{id}");
        Assert.Equal("HQ-OFFICE", after!["unitCode"]!.GetValue<string>());
        Assert.Equal(rulesBefore!.Count, (await _gateway.GetFromJsonAsync<JsonArray>("/api/assignment/rules"))!.Count);
    }

    [Fact]
    public async Task A_passed_deadline_fires_DeadlineMissed_once_and_is_listed_overdue()
    {
        // Arrange: assigned by the office four months ago, so the reply was due a month ago
        var id = await AssignmentOffice.AnnounceAsync(platform, "综合保税区", DateTimeOffset.UtcNow.AddMonths(-4));
        await _gateway.GetWhenPresentAsync($"/api/assignment/assignments/{id}");

        // Act: the scheduler scans every minute
        await Eventually.Until(
            () => AssignmentOffice.PublishedCountAsync(platform, "DeadlineMissed", id),
            count => count > 0,
            "DeadlineMissed in the assignment outbox",
            TimeSpan.FromSeconds(100));

        // Assert
        var overdue = await _gateway.GetFromJsonAsync<JsonArray>("/api/assignment/deadlines/overdue?limit=5000");
        Assert.Contains(overdue!, d => d!["proposalId"]!.GetValue<Guid>() == id && d["kind"]!.GetValue<string>() == "Reply");
        Assert.Equal(1, await AssignmentOffice.PublishedCountAsync(platform, "DeadlineMissed", id));
        Assert.Equal(0, await AssignmentOffice.PublishedCountAsync(platform, "DeadlineApproaching", id));
    }
}
