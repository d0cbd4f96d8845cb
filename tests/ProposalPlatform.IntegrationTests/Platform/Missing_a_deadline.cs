using ProposalPlatform.Contracts;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The assignment service's clock is moved forward (never waited for): a reply deadline that passes
/// is flagged once, however many scans find it overdue afterwards.
/// </summary>
[Collection(PlatformCollection.Name)]
public class Missing_a_deadline(PlatformFixture platform)
{
    [Fact]
    public async Task Fires_DeadlineMissed_once_for_a_reply_deadline_that_passes()
    {
        // Arrange: item A's clock started 30 days ago (reply due in about two months), B's today (about three)
        var now = DateTimeOffset.UtcNow;
        var a = Items.Suggestion(Items.NextNumber());
        a["assignedByOfficeAt"] = now.AddDays(-30).ToString("O");
        var b = Items.Suggestion(Items.NextNumber());
        b["assignedByOfficeAt"] = now.ToString("O");
        var aId = (await platform.Gateway.RegisterAsync(a))["id"]!.GetValue<Guid>();
        var bId = (await platform.Gateway.RegisterAsync(b))["id"]!.GetValue<Guid>();
        await platform.Gateway.GetWhenPresentAsync($"/api/assignment/assignments/{aId}");
        await platform.Gateway.GetWhenPresentAsync($"/api/assignment/assignments/{bId}");

        try
        {
            // Act: 75 days on, A is overdue; 20 more, B is too — so the scanner has run again with A
            // still overdue by the time B's alert arrives
            await platform.MoveClockAsync(ResourceNames.Assignment, TimeSpan.FromDays(75));
            await platform.Gateway.GetWhenPresentAsync($"/api/reporting/items/{aId}/story", story => Steps(story).Contains("DeadlineMissed"));
            await platform.MoveClockAsync(ResourceNames.Assignment, TimeSpan.FromDays(20));
            await platform.Gateway.GetWhenPresentAsync($"/api/reporting/items/{bId}/story", story => Steps(story).Contains("DeadlineMissed"));

            // Assert
            var storyOfA = await platform.Gateway.GetWhenPresentAsync($"/api/reporting/items/{aId}/story");
            Assert.Single(Steps(storyOfA), step => step == "DeadlineMissed");
        }
        finally
        {
            await platform.MoveClockAsync(ResourceNames.Assignment, by: null);
        }
    }

    private static List<string> Steps(System.Text.Json.Nodes.JsonNode story) =>
        story["timeline"]!.AsArray().Select(entry => entry!["step"]!.GetValue<string>()).ToList();
}
