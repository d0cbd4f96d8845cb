using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// Each client has its own budget of calls at the gateway: a district flooding it gets 429 with
/// Retry-After, and another district calling at the same time is not held back. Batch uploads and
/// searches have smaller budgets of their own: a client flooding them still makes its other calls.
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

    [Fact]
    public async Task A_client_flooding_as_fast_as_it_can_is_answered_at_its_budgets_pace()
    {
        // Arrange
        using var flooding = await platform.DistrictClientAsync("DIST-NINGBO");
        using var warmed = await flooding.GetAsync("/api/assignment/units/DIST-NINGBO");

        // Act: 8 connections, each sending its next call as soon as it has an answer, for 2 s
        var sent = 0;
        var refused = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(2))
            {
                using var response = await flooding.GetAsync("/api/assignment/units/DIST-NINGBO");
                Interlocked.Increment(ref sent);
                Interlocked.Add(ref refused, response.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0);
            }
        })));

        // Assert: its budget (a burst of 100, then 50 a second) answered, and each refusal held until the
        // budget would take a call again, about 100 ms: a few hundred calls, where answering refusals at
        // once let this loop send tens of thousands
        Assert.True(refused > 0);
        Assert.InRange(sent, 150, 1_000);
    }

    [Fact]
    public async Task A_flood_of_batch_uploads_gets_429_and_the_same_clients_other_calls_go_on()
    {
        // Arrange: an office machine client of its own, and a batch that is taken in once and then repeated
        using var office = await platform.ClientAsync("HQ-OFFICE", PlatformRoles.ProposalOffice);
        using var warmed = await office.GetAsync("/api/assignment/units/DIST-NINGBO");
        var number = Items.NextNumber();
        var batch = new JsonObject
        {
            ["batchReference"] = $"FLOOD-{number}",
            ["items"] = new JsonArray(IntakeItems.Item(2015, number, "关于加强口岸建设的建议", "建议加强口岸基础设施建设。")),
        };

        // Act: 150 uploads at once, and 20 ordinary calls of the same client meanwhile, one after another
        var flood = Enumerable.Range(0, 150).Select(async _ =>
        {
            using var response = await office.PostAsJsonAsync("/api/intake/batches", batch);
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        var ordinary = await OneAfterAnotherAsync(office, "/api/intake/proposals?sessionYear=2015&pageSize=1", 20);
        var answers = await Task.WhenAll(flood);

        // Assert
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.Contains(answers, a => a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK);
        Assert.All(refused, a => Assert.True(a.RetryAfter > TimeSpan.Zero));
        Assert.Contains("batch uploads", JsonNode.Parse(refused[0].Body)!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(ordinary, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task A_flood_of_searches_gets_429_on_every_search_and_the_same_clients_other_calls_go_on()
    {
        // Arrange
        using var district = await platform.DistrictClientAsync("DIST-NINGBO");
        using var warmed = await district.GetAsync("/api/assignment/units/DIST-NINGBO");
        string[] searches = ["/api/intake/proposals?q=口岸", "/api/intake/similar", $"/api/intake/proposals/{Guid.NewGuid()}/similar"];

        // Act: 50 of each kind of search at once, and 20 ordinary calls of the same client meanwhile
        var flood = searches.SelectMany(path => Enumerable.Range(0, 50).Select(async _ =>
        {
            using var response = await district.GetAsync(path);
            return (Path: path, response.StatusCode);
        })).ToList();
        var ordinary = await OneAfterAnotherAsync(district, "/api/intake/proposals?pageSize=1", 20);
        var answers = await Task.WhenAll(flood);

        // Assert: every kind of search takes from the one budget of searches
        Assert.All(searches, path => Assert.Contains(answers, a => a.Path == path && a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Contains(answers, a => a.StatusCode != HttpStatusCode.TooManyRequests);
        Assert.All(ordinary, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private static async Task<List<HttpStatusCode>> OneAfterAnotherAsync(HttpClient client, string path, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync(path);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
