using ProposalPlatform.Contracts;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>The contact-scheduling service's clock is moved on, never waited for.</summary>
[Collection(PlatformCollection.Name)]
public class Reminding_of_a_missing_contact(PlatformFixture platform)
{
    [Fact]
    public async Task An_assigned_item_without_a_contact_after_14_days_gets_one_reminder_and_one_with_a_contact_none()
    {
        // Arrange: two assigned items; the unit plans a contact for one of them
        var forgotten = (await platform.Gateway.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        var planned = (await platform.Gateway.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        await platform.Gateway.GetWhenPresentAsync($"/api/contacts/tasks/{forgotten}");
        await platform.Gateway.GetWhenPresentAsync($"/api/contacts/tasks/{planned}");
        var at = DateTimeOffset.UtcNow.AddDays(1);
        using (var plan = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(
            platform.Handler, $"/api/contacts/tasks/{planned}/plans", new { channel = "Phone", plannedStart = at, plannedEnd = at.AddHours(1), handler = "赵处长" }))
        {
            plan.EnsureSuccessStatusCode();
        }

        try
        {
            // Act: 15 days on
            await platform.MoveClockAsync(ResourceNames.ContactScheduling, TimeSpan.FromDays(15));
            await platform.Gateway.GetWhenPresentAsync($"/api/reporting/items/{forgotten}/story", story => Steps(story).Contains("ContactMissing"));

            // a second forgotten item 15 days on shows the scanner has looked again since
            var later = (await platform.Gateway.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
            await platform.Gateway.GetWhenPresentAsync($"/api/contacts/tasks/{later}");
            await platform.MoveClockAsync(ResourceNames.ContactScheduling, TimeSpan.FromDays(15));
            await platform.Gateway.GetWhenPresentAsync($"/api/reporting/items/{later}/story", story => Steps(story).Contains("ContactMissing"));

            // Assert
            Assert.Single(Steps(await platform.Gateway.GetWhenPresentAsync($"/api/reporting/items/{forgotten}/story")), step => step == "ContactMissing");
            Assert.DoesNotContain("ContactMissing", Steps(await platform.Gateway.GetWhenPresentAsync($"/api/reporting/items/{planned}/story")));
        }
        finally
        {
            await platform.MoveClockAsync(ResourceNames.ContactScheduling, by: null);
        }
    }

    private static List<string> Steps(System.Text.Json.Nodes.JsonNode story) =>
        story["timeline"]!.AsArray().Select(entry => entry!["step"]!.GetValue<string>()).ToList();
}
