using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>Items brought to where their reply can be issued, as the lead unit's handler and head would.</summary>
public static class IssuableItems
{
    /// <summary>The office registers <paramref name="item"/>; the lead unit records a completed contact, drafts <paramref name="draft"/> and signs it off.</summary>
    public static async Task<Guid> IssuableAsync(this PlatformFixture platform, JsonObject item, string draft)
    {
        var id = (await platform.Gateway.RegisterAsync(item))["id"]!.GetValue<Guid>();
        await platform.Handler.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
        using (var contact = await platform.Handler.PostAsJsonAsync($"/api/contacts/tasks/{id}/contacts", Items.Contact(DateTimeOffset.UtcNow)))
        {
            Assert.True(contact.IsSuccessStatusCode, $"contact answered {(int)contact.StatusCode}: {await contact.Content.ReadAsStringAsync()}");
        }

        await platform.Handler.GetWhenPresentAsync($"/api/replies/{id}", r => r["contactCompleted"]!.GetValue<bool>() && r["leadSubmitterName"] is not null);
        await platform.DraftAndSignOffAsync(id, draft);
        return id;
    }
}
