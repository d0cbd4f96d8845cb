using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// Each client has its own budget of calls at the gateway: a district flooding it gets 429 with
/// Retry-After, and another district calling at the same time is not held back.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Holding_a_flooding_client_to_its_budget(PlatformFixture platform)
{
    [Fact]
    public async Task A_flood_gets_429_and_another_client_goes_on()
    {
        // Arrange
        using var flooding = await platform.DistrictClientAsync("DIST-NINGBO");
        using var other = await platform.DistrictClientAsync("DIST-XIAMEN");
        using var warmed = await flooding.GetAsync("/api/assignment/units/DIST-NINGBO");
        using var warmedOther = await other.GetAsync("/api/assignment/units/DIST-XIAMEN");

        // Act: 400 calls at once from one client, and 20 from the other meanwhile, one after another
        var flood = Enumerable.Range(0, 400).Select(async _ =>
        {
            using var response = await flooding.GetAsync("/api/assignment/units/DIST-NINGBO");
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        var others = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await other.GetAsync("/api/assignment/units/DIST-XIAMEN");
            others.Add(response.StatusCode);
        }

        var answers = await Task.WhenAll(flood);

        // Assert
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(refused, a => Assert.True(a.RetryAfter > TimeSpan.Zero));
        Assert.Equal(429, JsonNode.Parse(refused[0].Body)!["status"]!.GetValue<int>());
        Assert.All(others, status => Assert.Equal(HttpStatusCode.OK, status));
    }
}
