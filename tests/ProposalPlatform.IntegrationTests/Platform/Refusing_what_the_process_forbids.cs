using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>Every refusal of contact scheduling, reply and the gateway's identities: a ProblemDetails that says why, and nothing changed.</summary>
[Collection(PlatformCollection.Name)]
public sealed class Refusing_what_the_process_forbids(PlatformFixture platform)
{
    private readonly HttpClient _office = platform.Gateway;
    private readonly HttpClient _handler = platform.Handler;

    [Fact]
    public async Task A_handler_booked_twice_at_overlapping_times_is_refused_naming_the_clashing_contact()
    {
        // Arrange: 刘处长 meets the submitter of one item tomorrow at 10:00
        var first = await AssignedItemAsync();
        var second = await AssignedItemAsync();
        var at = DateTimeOffset.UtcNow.Date.AddDays(1).AddHours(10);
        var booked = await PostAsync(_handler, $"/api/contacts/tasks/{first}/plans", Plan("Visit", at, "刘处长"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var bookedId = (await booked.ReadJsonAsync())["id"]!.GetValue<Guid>();

        // Act: the same handler for another item at 10:30
        var clash = await PostAsync(_handler, $"/api/contacts/tasks/{second}/plans", Plan("Phone", at.AddMinutes(30), "刘处长"));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        var problem = await clash.ReadJsonAsync();
        Assert.Equal(bookedId, problem["clashingContactId"]!.GetValue<Guid>());
        Assert.Contains(bookedId.ToString(), problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await _office.GetFromJsonAsync<JsonArray>($"/api/contacts/tasks/{second}/contacts"))!);
    }

    [Fact]
    public async Task An_entrusted_visit_where_no_district_covers_the_place_is_refused()
    {
        // Arrange: a submitter abroad, where no customs district covers
        var item = Items.Suggestion(Items.NextNumber());
        item["leadSubmitter"]!["province"] = "香港特别行政区";
        item["leadSubmitter"]!["city"] = "香港";
        var id = (await _office.RegisterAsync(item))["id"]!.GetValue<Guid>();
        await _office.GetWhenPresentAsync($"/api/contacts/tasks/{id}");

        // Act
        var response = await PostAsync(_handler, $"/api/contacts/tasks/{id}/plans", Plan("EntrustedVisit", DateTimeOffset.UtcNow.AddDays(2), handler: null));

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("香港", (await response.ReadJsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await _office.GetFromJsonAsync<JsonArray>($"/api/contacts/tasks/{id}/contacts"))!);
    }

    [Fact]
    public async Task A_district_may_not_act_on_a_visit_entrusted_to_another()
    {
        // Arrange: a visit in Shenzhen, entrusted to Shenzhen customs
        var id = await AssignedItemAsync();
        var planned = await PostAsync(_handler, $"/api/contacts/tasks/{id}/plans", Plan("EntrustedVisit", DateTimeOffset.UtcNow.AddDays(2), handler: null));
        var visitId = (await planned.ReadJsonAsync())["id"]!.GetValue<Guid>();
        using var guangzhou = await platform.DistrictClientAsync("DIST-GUANGZHOU");

        // Act
        var report = await PostAsync(guangzhou, $"/api/contacts/entrusted/{visitId}/report", new { outcome = "ReachedAndAgreed", report = "走访完成" });
        using var list = await guangzhou.GetAsync("/api/contacts/entrusted?district=DIST-SHENZHEN");

        // Assert: another district's visit is not Guangzhou's to know of
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        var contact = await _office.GetFromJsonAsync<JsonObject>($"/api/contacts/{visitId}");
        Assert.Equal("Planned", contact!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Issuing_without_sign_off_and_signing_off_before_the_co_handlers_opinion_are_refused()
    {
        // Arrange: contact made, a co-handler added whose opinion is outstanding, a draft saved
        var id = await AssignedItemAsync();
        await PostAsync(_office, $"/api/assignment/assignments/{id}/co-handlers", new { unitCode = "HQ-PORTS", reason = "涉及口岸" });
        await PostAsync(_handler, $"/api/contacts/tasks/{id}/contacts", Items.Contact(DateTimeOffset.UtcNow));
        await _office.GetWhenPresentAsync($"/api/replies/{id}", r => r["contactCompleted"]!.GetValue<bool>() && r["opinions"]!.AsArray().Count == 1);
        var version = await _handler.SaveDraftAsync(id, "答复草稿");

        // Act
        var issue = await PostAsync(_handler, $"/api/replies/{id}/issue", Items.Issue("A"));
        var signOff = await PostAsync(_handler, $"/api/replies/{id}/sign-offs", new { draftVersion = version, step = "Handler", decision = "Approve" });

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, issue.StatusCode);
        Assert.Contains("signOff", (await issue.ReadJsonAsync())["missing"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, signOff.StatusCode);
        Assert.Contains("HQ-PORTS", (await signOff.ReadJsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var reply = await _office.GetFromJsonAsync<JsonObject>($"/api/replies/{id}");
        Assert.False(reply!["issued"]!.GetValue<bool>());
        Assert.Empty(reply["signOffs"]!.AsArray());
    }

    [Fact]
    public async Task An_item_this_body_only_co_handles_gets_no_reply_from_it()
    {
        // Arrange
        var item = Items.Suggestion(Items.NextNumber());
        item["handlingMode"] = "CoHandling";
        var id = (await _office.RegisterAsync(item))["id"]!.GetValue<Guid>();
        await _office.GetWhenPresentAsync($"/api/replies/{id}", r => r["handlingMode"]!.GetValue<string>() == "CoHandling");

        // Act
        var issue = await PostAsync(_handler, $"/api/replies/{id}/issue", Items.Issue("A"));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, issue.StatusCode);
        Assert.Contains("co-handle", (await issue.ReadJsonAsync())["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.False((await _office.GetFromJsonAsync<JsonObject>($"/api/replies/{id}"))!["issued"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_district_outside_its_part_is_refused_and_registers_as_itself_only()
    {
        // Arrange
        using var shenzhen = await platform.DistrictClientAsync("DIST-SHENZHEN");

        // Act
        var rules = await PostAsync(shenzhen, "/api/assignment/rules", new { keyword = "走私", unitCode = "DIST-SHENZHEN" });
        var asAnother = Items.Suggestion(Items.NextNumber());
        asAnother["submittingUnitCode"] = "DIST-GUANGZHOU";
        var impersonating = await PostAsync(shenzhen, "/api/intake/proposals", asAnother);
        var local = await PostAsync(shenzhen, "/api/intake/proposals", Items.Suggestion(Items.NextNumber()));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, rules.StatusCode);
        Assert.Equal("application/problem+json", rules.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, impersonating.StatusCode);
        Assert.Equal(HttpStatusCode.Created, local.StatusCode);
        var registered = await local.ReadJsonAsync();
        Assert.Equal("DIST-SHENZHEN", registered["submittingUnitCode"]!.GetValue<string>());
        var seen = await shenzhen.GetFromJsonAsync<JsonObject>("/api/intake/proposals?pageSize=200");
        Assert.All(seen!["items"]!.AsArray(), i => Assert.True(
            i!["assignedUnitCode"]?.GetValue<string>() == "DIST-SHENZHEN" || i["id"]!.GetValue<Guid>() == registered["id"]!.GetValue<Guid>()));
        var page = await _office.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?sessionYear=2020&number={asAnother["number"]}");
        Assert.Equal(0, page!["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Another_districts_number_is_taken_without_telling_its_content()
    {
        // Arrange: the office registers an item with its submitter's phone
        var item = Items.Suggestion(Items.NextNumber());
        item["leadSubmitter"]!["phone"] = "13900001111";
        await _office.RegisterAsync(item);
        using var guangzhou = await platform.DistrictClientAsync("DIST-GUANGZHOU");

        // Act: a district sends the same kind, session and number
        var again = await PostAsync(guangzhou, "/api/intake/proposals", item);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var body = await again.Content.ReadAsStringAsync();
        Assert.DoesNotContain("13900001111", body, StringComparison.Ordinal);
        Assert.DoesNotContain(item["title"]!.GetValue<string>(), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_units_handler_sees_no_item_and_the_unit_head_takes_no_handlers_step()
    {
        // Arrange: an item of HQ-FTZ with a draft
        var id = await AssignedItemAsync();
        await _handler.GetWhenPresentAsync($"/api/replies/{id}");
        var version = await _handler.SaveDraftAsync(id);
        using var ports = await platform.ClientAsync("HQ-PORTS", Contracts.Identity.PlatformRoles.UnitHandler);

        // Act
        using var read = await ports.GetAsync($"/api/replies/{id}");
        using var draft = await ports.PutAsJsonAsync($"/api/replies/{id}/draft", new { text = "越权草稿" });
        using var contacts = await ports.GetAsync($"/api/contacts/tasks/{id}");
        using var intake = await ports.GetAsync($"/api/intake/proposals/{id}");
        using var headAsHandler = await platform.Head.PostAsJsonAsync($"/api/replies/{id}/sign-offs", new { draftVersion = version, step = "Handler", decision = "Approve" });

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, contacts.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, intake.StatusCode);
        Assert.DoesNotContain("关于", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, headAsHandler.StatusCode);
        var reply = await _office.GetFromJsonAsync<JsonObject>($"/api/replies/{id}");
        Assert.Single(reply!["drafts"]!.AsArray());
        Assert.Empty(reply["signOffs"]!.AsArray());
    }

    private async Task<Guid> AssignedItemAsync()
    {
        var id = (await _office.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        await _office.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
        return id;
    }

    private static object Plan(string channel, DateTimeOffset at, string? handler) =>
        new { channel, plannedStart = at, plannedEnd = at.AddHours(1), handler };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) =>
        await client.PostAsJsonAsync(path, body);
}
