using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProposalPlatform.IntegrationTests.Platform.Fuzzing;

namespace ProposalPlatform.IntegrationTests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class Walking_an_item_through_the_gateway(PlatformFixture platform)
{
    private readonly HttpClient _gateway = platform.Gateway;
    private readonly HttpClient _handler = platform.Handler;

    [Fact]
    public async Task Registered_item_is_assigned_contacted_and_replied_with_its_timeline()
    {
        // Arrange: a deputy's suggestion on a bonded zone
        var registered = await _gateway.RegisterAsync(Items.Suggestion(Items.NextNumber()));
        var id = registered["id"]!.GetValue<Guid>();
        Assert.Equal("Registered", registered["status"]!.GetValue<string>());

        // Act + Assert: assignment routes it by topic and starts the 3-month clock
        var assignment = await _gateway.GetWhenPresentAsync($"/api/assignment/assignments/{id}");
        Assert.Equal("HQ-FTZ", assignment["unitCode"]!.GetValue<string>());
        var assignedAt = assignment["assignedAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(Items.BeijingDeadline(assignedAt, months: 3), assignment["dueAt"]!.GetValue<DateTimeOffset>());

        // a contact task opens; the reply cannot go out before contact
        await _gateway.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
        await _gateway.GetWhenPresentAsync($"/api/replies/{id}");
        await platform.DraftAndSignOffAsync(id);

        using (var early = await _handler.PostAsJsonAsync($"/api/replies/{id}/issue", Items.Issue("A")))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }

        using (var contact = await _handler.PostAsJsonAsync($"/api/contacts/tasks/{id}/contacts", Items.Contact(DateTimeOffset.UtcNow)))
        {
            Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        }

        await _gateway.GetWhenPresentAsync($"/api/replies/{id}", reply => reply["contactCompleted"]!.GetValue<bool>());
        using var issued = await _handler.PostAsJsonAsync($"/api/replies/{id}/issue", Items.Issue("A"));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal("A", (await issued.ReadJsonAsync())["resultClass"]!.GetValue<string>());

        // the item's status in the register, and its story, built by reporting from the services' events
        await _gateway.GetWhenPresentAsync($"/api/intake/proposals/{id}", p => p["status"]!.GetValue<string>() == "Replied");
        var item = await _gateway.GetWhenPresentAsync($"/api/reporting/items/{id}/story", p => p["status"]!.GetValue<string>() == "Replied");
        var steps = item["timeline"]!.AsArray().Select(step => step!["step"]!.GetValue<string>()).ToArray();
        string[] stages = ["Registered", "Assigned", "ContactCompleted", "Replied"];
        Assert.Equal(stages, steps.Where(stages.Contains));
        Assert.Contains("ReplyDrafted", steps);
        Assert.Equal(2, steps.Count(step => step == "SignOff"));
        var times = item["timeline"]!.AsArray().Select(step => step!["occurredAt"]!.GetValue<DateTimeOffset>()).ToArray();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task Each_services_openapi_document_and_the_reference_ui_are_served_by_the_gateway()
    {
        foreach (var service in ApiDocuments.Names)
        {
            var document = await _gateway.GetFromJsonAsync<JsonObject>($"/openapi/{service}/v1.json");
            Assert.NotNull(document?["paths"]);
        }

        using var reference = await _gateway.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }
}
