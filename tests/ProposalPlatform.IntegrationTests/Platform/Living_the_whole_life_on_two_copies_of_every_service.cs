using System.Text.Json.Nodes;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The whole life of an item (<see cref="WholeLife"/>) on the platform with two copies of every service:
/// the copies consume from the same queues, scan for the same deadlines and serve the same APIs, and
/// still every effect happens once — one item, one story step per fact, one audit record per write —
/// while the gateway spreads the requests over both copies of each service.
/// </summary>
[Collection(ReplicasCollection.Name)]
public sealed class Living_the_whole_life_on_two_copies_of_every_service(ReplicatedPlatformFixture platform)
{
    /// <summary>The services the whole life calls through the gateway.</summary>
    private static readonly string[] Called =
    [
        ResourceNames.Identity, ResourceNames.Intake, ResourceNames.Assignment, ResourceNames.ContactScheduling,
        ResourceNames.Reply, ResourceNames.Reporting, ResourceNames.Audit,
    ];

    [Fact]
    public async Task A_joint_key_suggestion_lives_its_whole_life_with_each_effect_once_and_the_requests_spread_over_both_copies()
    {
        // Arrange: every copy of every service up (the gateway waits for all of them)
        Assert.All(Called, service => Assert.Equal(ReplicatedPlatformFixture.Copies, platform.PortsOf(service).Distinct().Count()));

        // Act: the whole life, with each step checked as on the shared platform (the audit trail holds each write exactly once)
        var outcome = await WholeLife.LiveAsync(platform, sessionYear: 2003);

        // Assert: no fact of the item's story applied twice (a second copy consuming the same event would add its step again)
        var timeline = outcome.Story["timeline"]!.AsArray().Select(step => step!).ToList();
        var twice = timeline
            .GroupBy(step => (Step: Text(step, "step"), Round: step["round"]?.GetValue<int>(), Detail: Text(step, "detail"), At: Text(step, "occurredAt")))
            .Where(same => same.Count() > 1)
            .Select(same => $"{same.Key} × {same.Count()}")
            .ToList();
        Assert.True(twice.Count == 0, $"steps recorded more than once: {string.Join("; ", twice)}");
        Assert.Single(timeline, step => Text(step, "step") == "Registered");
        Assert.Single(timeline, step => Text(step, "step") == "Assigned");
        Assert.Single(outcome.AuditRecords, record => Text(record, "operation") == "RegisterProposal");

        // every copy of every service called answers for the item (a few reads each: the whole life reads some services once only)
        foreach (var path in ItemReads(outcome.Id))
        {
            for (var read = 0; read < 2 * ReplicatedPlatformFixture.Copies; read++)
            {
                using var response = await platform.Gateway.GetAsync(path);
                Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        // and the gateway sent requests to both copies of every service it called (its log reaches the test a moment after the answers)
        await Eventually.Until(
            () => Task.FromResult(new Spread(Called.ToDictionary(service => service, platform.ForwardedTo))),
            spread => spread.ReachedEveryCopy,
            "the gateway's log to show requests forwarded to each copy of every service called");
    }

    /// <summary>How many requests the gateway's log shows forwarded to each copy of each service.</summary>
    private sealed record Spread(Dictionary<string, IReadOnlyList<int>> Forwarded)
    {
        public bool ReachedEveryCopy => Forwarded.Values.All(counts => counts.All(count => count > 0));

        public override string ToString() =>
            $"requests forwarded to each copy: {string.Join(", ", Forwarded.Select(s => $"{s.Key} [{string.Join(", ", s.Value)}]"))}";
    }

    /// <summary>A read of the item (or, for identity, of its discovery document) from each service called.</summary>
    private static IEnumerable<string> ItemReads(Guid id) =>
    [
        "/.well-known/openid-configuration", $"/api/intake/proposals/{id}", $"/api/assignment/assignments/{id}", $"/api/contacts/tasks/{id}",
        $"/api/replies/{id}", $"/api/reporting/items/{id}/story", $"/api/audit/records?itemId={id}",
    ];

    private static string? Text(JsonNode node, string property) => node[property]?.ToString();
}
