using System.Net;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using ProposalPlatform.AppHost.SelfHealing;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The AppHost's restart policy: a service or the broker killed outright (SIGKILL, as in a crash) is
/// started again, healthy, and the platform answers as before; a service stopped by a command stays
/// stopped. Each test leaves the platform healthy for the rest of the collection.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Restarting_what_dies(PlatformFixture platform)
{
    [Fact]
    public async Task A_service_killed_outright_is_started_again_and_answers_through_the_gateway()
    {
        // Arrange
        var before = await platform.App.HealthyAsync(ResourceNames.Intake);
        var service = PlatformResources.ServiceProcess(before);

        // Act
        ProcessTree.Kill(service);

        // Assert
        var after = await platform.App.HealthyAsync(ResourceNames.Intake, snapshot => PlatformResources.Restarts(snapshot) > PlatformResources.Restarts(before));
        Assert.NotEqual(PlatformResources.Pid(before), PlatformResources.Pid(after));
        using var answer = await Eventually.Until(
            () => platform.Gateway.GetAsync("/api/intake/proposals?pageSize=1"), response => response.StatusCode == HttpStatusCode.OK, "intake to answer through the gateway");
    }

    [Fact]
    public async Task The_broker_killed_outright_is_started_again_and_items_are_assigned_again()
    {
        // Arrange
        var before = await platform.App.HealthyAsync(ResourceNames.Broker);
        var broker = ProcessTree.Descendants(PlatformResources.Pid(before)).Single(pid => ProcessTree.Name(pid) == "beam.smp");

        // Act
        ProcessTree.Kill(broker);

        // Assert: the broker is back, and an item taken in by intake reaches assignment through it
        await platform.App.HealthyAsync(ResourceNames.Broker, snapshot => PlatformResources.Restarts(snapshot) > PlatformResources.Restarts(before));
        await platform.App.EveryServiceHealthyAsync();
        var id = (await platform.Gateway.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        var assignment = await platform.Gateway.GetWhenPresentAsync($"/api/assignment/assignments/{id}");
        Assert.Equal(PlatformFixture.LeadUnit, assignment["unitCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_service_stopped_by_a_command_stays_stopped_until_it_is_started()
    {
        // Arrange
        var before = await platform.App.HealthyAsync(ResourceNames.Reporting);
        var commands = platform.App.Services.GetRequiredService<ResourceCommandService>();

        // Act
        var stopped = await commands.ExecuteCommandAsync(ResourceNames.Reporting, KnownResourceCommands.StopCommand);
        Assert.True(stopped.Success, stopped.Message);
        try
        {
            // Assert: the policy saw the stop for what it was, and started nothing
            var left = await platform.App.UntilAsync(
                ResourceNames.Reporting,
                snapshot => PlatformResources.Property(snapshot, RestartPolicy.StateProperty) is string state && state.StartsWith("stopped by a command", StringComparison.Ordinal),
                "the restart policy to leave reporting stopped");
            Assert.Contains(left.State?.Text, KnownResourceStates.TerminalStates);
            Assert.Equal(PlatformResources.Restarts(before), PlatformResources.Restarts(left));

            // and the gateway answers for it: 503 ProblemDetails with Retry-After, not a bare 502
            using var answer = await platform.Gateway.GetAsync("/api/reporting/statistics/annual?year=2005");
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(5), answer.Headers.RetryAfter?.Delta);
        }
        finally
        {
            var started = await commands.ExecuteCommandAsync(ResourceNames.Reporting, KnownResourceCommands.StartCommand);
            Assert.True(started.Success, started.Message);
        }

        var after = await platform.App.HealthyAsync(ResourceNames.Reporting);
        Assert.Equal(PlatformResources.Restarts(before), PlatformResources.Restarts(after));
    }
}
