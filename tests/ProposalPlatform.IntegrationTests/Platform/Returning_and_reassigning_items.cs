using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProposalPlatform.IntegrationTests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class Returning_and_reassigning_items(PlatformFixture platform)
{
    private const string ReturnedTitle = "The item was returned to the assigning office.";

    private readonly HttpClient _gateway = platform.Gateway;

    private async Task<(Guid Id, int Number)> RegisterAndAssignAsync()
    {
        var number = Items.NextNumber();
        var registered = await _gateway.RegisterAsync(Items.Suggestion(number));
        var id = registered["id"]!.GetValue<Guid>();
        var assignment = await _gateway.GetWhenPresentAsync($"/api/assignment/assignments/{id}");
        Assert.Equal("HQ-FTZ", assignment["unitCode"]!.GetValue<string>());
        return (id, number);
    }

    private static JsonNode? Step(JsonNode item, string step) =>
        item["timeline"]!.AsArray().SingleOrDefault(s => s!["step"]!.GetValue<string>() == step);

    [Fact]
    public async Task A_returned_item_shows_Returned_and_refuses_a_contact_and_a_reply()
    {
        // Arrange
        var (id, number) = await RegisterAndAssignAsync();

        // Act
        using (var returned = await _gateway.PostAsJsonAsync($"/api/assignment/assignments/{id}/return",
            new { reason = "不属于海关职责" }))
        {
            Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        }

        // Assert: intake shows the item returned, and its story says who and why
        await _gateway.GetWhenPresentAsync($"/api/intake/proposals/{id}", p => p["status"]!.GetValue<string>() == "Returned");
        var item = await _gateway.GetWhenPresentAsync($"/api/reporting/items/{id}/story", p => p["status"]!.GetValue<string>() == "Returned");
        var step = Step(item, "Returned") ?? throw new InvalidOperationException("no Returned step");
        Assert.Contains("不属于海关职责", step["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(PlatformFixture.OfficeClientName, step["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var listed = await _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?sessionYear=2020&number={number}&status=Returned");
        Assert.Equal(id, Assert.Single(listed!["items"]!.AsArray())!["id"]!.GetValue<Guid>());

        // the contact task is closed and takes no contact
        var task = await _gateway.GetWhenPresentAsync($"/api/contacts/tasks/{id}", t => t["closed"]!.GetValue<bool>());
        Assert.Contains("不属于海关职责", task["closedReason"]!.GetValue<string>(), StringComparison.Ordinal);
        using (var contact = await platform.Handler.PostAsJsonAsync($"/api/contacts/tasks/{id}/contacts", Items.Contact(DateTimeOffset.UtcNow)))
        {
            Assert.Equal(HttpStatusCode.Conflict, contact.StatusCode);
            Assert.Equal("application/problem+json", contact.Content.Headers.ContentType?.MediaType);
            Assert.Equal(ReturnedTitle, (await contact.ReadJsonAsync())["title"]!.GetValue<string>());
        }

        // and no formal reply can be issued for it
        await _gateway.GetWhenPresentAsync($"/api/replies/{id}", r => r["returned"]!.GetValue<bool>());
        using var issue = await platform.Handler.PostAsJsonAsync($"/api/replies/{id}/issue", Items.Issue("A"));
        Assert.Equal(HttpStatusCode.Conflict, issue.StatusCode);
        Assert.Equal("application/problem+json", issue.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ReturnedTitle, (await issue.ReadJsonAsync())["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reassigned_item_shows_the_reassignment_and_is_listed_under_its_new_unit()
    {
        // Arrange
        var (id, number) = await RegisterAndAssignAsync();

        // Act
        using (var reassigned = await _gateway.PostAsJsonAsync($"/api/assignment/assignments/{id}/reassign",
            new { unitCode = "HQ-TARIFF", reason = "主要涉及关税政策" }))
        {
            Assert.Equal(HttpStatusCode.OK, reassigned.StatusCode);
        }

        // Assert: the story says from which unit to which, who and why
        var item = await _gateway.GetWhenPresentAsync($"/api/reporting/items/{id}/story", p => Step(p, "Reassigned") is not null);
        var detail = Step(item, "Reassigned")!["detail"]!.GetValue<string>();
        Assert.Contains("HQ-FTZ", detail, StringComparison.Ordinal);
        Assert.Contains("HQ-TARIFF", detail, StringComparison.Ordinal);
        Assert.Contains("主要涉及关税政策", detail, StringComparison.Ordinal);
        Assert.Contains(PlatformFixture.OfficeClientName, detail, StringComparison.Ordinal);

        // the list filtered by the new unit finds it, by the old one no longer
        var underNewUnit = await Eventually.Until(
            () => _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?sessionYear=2020&number={number}&unit=HQ-TARIFF"),
            page => page!["total"]!.GetValue<long>() == 1,
            "the item listed under HQ-TARIFF");
        Assert.Equal(id, underNewUnit!["items"]![0]!["id"]!.GetValue<Guid>());
        var underOldUnit = await _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?sessionYear=2020&number={number}&unit=HQ-FTZ");
        Assert.Equal(0, underOldUnit!["total"]!.GetValue<long>());

        // the contact task and the reply follow it
        await _gateway.GetWhenPresentAsync($"/api/contacts/tasks/{id}", t => t["unitCode"]!.GetValue<string>() == "HQ-TARIFF");
        await _gateway.GetWhenPresentAsync($"/api/replies/{id}", r => r["unitCode"]!.GetValue<string?>() == "HQ-TARIFF");
    }
}
