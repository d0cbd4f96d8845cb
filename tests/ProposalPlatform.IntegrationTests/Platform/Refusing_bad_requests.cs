using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ProposalPlatform.IntegrationTests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class Refusing_bad_requests(PlatformFixture platform)
{
    private readonly HttpClient _gateway = platform.Gateway;

    [Fact]
    public async Task Missing_and_malformed_fields_are_each_named_and_nothing_is_stored()
    {
        // Arrange
        var number = Items.NextNumber();
        var item = Items.Suggestion(number);
        item["kind"] = "Petition";
        item["title"] = "  ";
        item["leadSubmitter"]!.AsObject().Remove("city");
        item.Remove("topic");

        // Act
        using var response = await _gateway.PostAsJsonAsync("/api/intake/proposals", item);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal(["kind", "leadSubmitter.city", "title", "topic"], errors.Select(e => e.Key).Order());
        await AssertNoItemNumbered(number);
    }

    [Fact]
    public async Task Json_that_cannot_be_read_is_a_problem_naming_the_field()
    {
        var number = Items.NextNumber();
        using var content = new StringContent($$"""{"kind":"Suggestion","number":"{{number}}x"}""", Encoding.UTF8, "application/json");

        using var response = await _gateway.PostAsync("/api/intake/proposals", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.number", (await response.ReadJsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNoItemNumbered(number);
    }

    [Fact]
    public async Task The_same_number_in_the_same_session_is_the_same_item_not_a_second_one()
    {
        // Arrange
        var item = Items.Suggestion(Items.NextNumber());
        using var first = await _gateway.PostAsJsonAsync("/api/intake/proposals", item);

        // Act
        using var second = await _gateway.PostAsJsonAsync("/api/intake/proposals", item);

        // Assert
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var id = (await first.ReadJsonAsync())["id"]!.GetValue<Guid>();
        Assert.Equal(id, (await second.ReadJsonAsync())["id"]!.GetValue<Guid>());
        var page = await _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?sessionYear=2020&kind=Suggestion&number={item["number"]}");
        Assert.Equal(1, page!["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Issuing_a_reply_without_a_completed_contact_is_refused_and_changes_nothing()
    {
        // Arrange: assigned, drafted, but the submitter was only tried, not reached
        var id = (await _gateway.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        await _gateway.GetWhenPresentAsync($"/api/replies/{id}");
        // the contact task opens when contact scheduling has the assignment, which may come after reply's
        await _gateway.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
        await platform.DraftAndSignOffAsync(id, "答复草稿");

        using (var unreachable = await platform.Handler.PostAsJsonAsync($"/api/contacts/tasks/{id}/contacts", Items.Contact(DateTimeOffset.UtcNow, "Unreachable")))
        {
            Assert.Equal(HttpStatusCode.Created, unreachable.StatusCode);
        }

        // Act
        using var response = await platform.Handler.PostAsJsonAsync($"/api/replies/{id}/issue", Items.Issue("B"));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Contains("contact", problem["title"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("missing", problem["title"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        var reply = await _gateway.GetFromJsonAsync<JsonObject>($"/api/replies/{id}");
        Assert.False(reply!["issued"]!.GetValue<bool>());
        Assert.False(reply["contactCompleted"]!.GetValue<bool>());
        var task = await _gateway.GetFromJsonAsync<JsonObject>($"/api/contacts/tasks/{id}");
        Assert.False(task!["completed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_reply_is_issued_once()
    {
        // Arrange
        var id = (await _gateway.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        await _gateway.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
        using (await platform.Handler.PostAsJsonAsync($"/api/contacts/tasks/{id}/contacts", Items.Contact(DateTimeOffset.UtcNow)))
        {
        }

        await _gateway.GetWhenPresentAsync($"/api/replies/{id}", reply => reply["contactCompleted"]!.GetValue<bool>());
        await platform.DraftAndSignOffAsync(id, "答复全文");
        using var first = await platform.Handler.PostAsJsonAsync($"/api/replies/{id}/issue", Items.Issue("B"));

        // Act
        using var second = await platform.Handler.PostAsJsonAsync($"/api/replies/{id}/issue", Items.Issue("A"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var reply = await _gateway.GetFromJsonAsync<JsonObject>($"/api/replies/{id}");
        Assert.Equal("B", reply!["resultClass"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("not-a-channel", "channel")]
    [InlineData("Phone", "occurredAt")]
    public async Task A_contact_with_a_bad_field_is_refused_and_not_recorded(string channel, string badField)
    {
        // Arrange
        var id = (await _gateway.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        await _gateway.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
        var contact = Items.Contact(badField == "occurredAt" ? DateTimeOffset.UtcNow.AddDays(-400) : DateTimeOffset.UtcNow);
        contact["channel"] = channel;

        // Act
        using var response = await platform.Handler.PostAsJsonAsync($"/api/contacts/tasks/{id}/contacts", contact);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([badField], (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        var task = await _gateway.GetFromJsonAsync<JsonObject>($"/api/contacts/tasks/{id}");
        Assert.Empty(task!["contacts"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/intake/proposals/{0}")]
    [InlineData("/api/assignment/assignments/{0}")]
    [InlineData("/api/contacts/tasks/{0}")]
    [InlineData("/api/replies/{0}")]
    public async Task An_unknown_item_is_a_404_problem(string pathFormat)
    {
        using var response = await _gateway.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await response.ReadJsonAsync())["detail"]);
    }

    private async Task AssertNoItemNumbered(int number)
    {
        var page = await _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?number={number}");
        Assert.Equal(0, page!["total"]!.GetValue<long>());
    }
}
