using ProposalPlatform.Contracts;
using ProposalPlatform.FaultSuite.Faults;
using Xunit.Abstractions;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The fault suite's CI form (the command is tests/ProposalPlatform.FaultSuite, against a hand-run
/// platform): the same load, faults and reconciliation, run here against the test platform. During a
/// batch of 5,000 items and single items at 20 a second through the gateway, the database is frozen
/// (SIGSTOP) for 30 s and then the broker for 30 s; within 2 minutes of the broker's return, with no
/// manual step, every acknowledged item is stored, assigned and known to every service, once, with no
/// outbox row unsent, no new message in an error queue and no batch left Processing.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class Surviving_faults(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_frozen_database_then_a_frozen_broker_lose_nothing_apply_nothing_twice_and_leave_nothing_behind()
    {
        // Arrange: the office's machine client, waiting as long as each request of the suite allows
        using var gateway = platform.ClientWithSecret(platform.OfficeClientCredentials.ClientId, platform.OfficeClientCredentials.Secret);
        gateway.Timeout = Timeout.InfiniteTimeSpan;
        using var management = Reconciler.Management(platform.App.GetEndpoint(ResourceNames.Broker, "management"));
        var reconciler = new Reconciler(await platform.ConnectionStringAsync(ResourceNames.DatabaseServer), management);
        // the AppHost runs in this test host: the platform's processes are the ones below it
        var run = new FaultRun(gateway, new PlatformProcesses(Environment.ProcessId), reconciler, new FaultRunSettings(), output.WriteLine);

        // Act
        var outcome = await run.RunAsync([new ServerFrozen(ServerFrozen.Database, Outage), new ServerFrozen(ServerFrozen.Broker, Outage)]);

        // Assert
        var table = FaultTable.Format([outcome]);
        output.WriteLine(table);
        Assert.True(outcome.ClientErrors.Count > 0, $"the clients saw nothing of a frozen database:{Environment.NewLine}{table}");
        Assert.DoesNotContain(outcome.ClientErrors.Keys, error => error.EndsWith(" 500", StringComparison.Ordinal));
        Assert.True(outcome.Batch.Completed, $"the batch did not finish: {outcome.Batch}");
        Assert.True(outcome.Acknowledged > 5_000, table);
        Assert.Equal((0, 0, 0), (outcome.Reconciliation.Lost, outcome.Reconciliation.Twice, outcome.Reconciliation.Stuck));
        Assert.Empty(outcome.Reconciliation.LeftOver);
        Assert.True(outcome.Ok, table);
    }
}

/// <summary>
/// The fault runs on a platform of their own, after every other collection and alone: the thousands of
/// items they leave, and the outages they cause, would move the counts and the index that the shared
/// platform's tests read (a business-metrics count and a full-text search failed beside them).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Faults";
}
