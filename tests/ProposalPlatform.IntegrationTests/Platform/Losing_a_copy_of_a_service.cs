using System.Net;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// One copy of a service lost on the replicated platform: the restart policy starts a killed copy again
/// on its own, and while a copy is down the gateway sends the service's requests to the other one.
/// Each test leaves both copies healthy for the rest of the collection.
/// </summary>
[Collection(ReplicasCollection.Name)]
public sealed class Losing_a_copy_of_a_service(ReplicatedPlatformFixture platform)
{
    private static readonly string SecondIntake = ResourceNames.Copy(ResourceNames.Intake, 2);

    [Fact]
    public async Task A_copy_killed_outright_is_started_again_by_itself()
    {
        // Arrange
        var before = await platform.App.HealthyAsync(SecondIntake);

        // Act
        ProcessTree.Kill(PlatformResources.ServiceProcess(before));

        // Assert: the second copy restarted, the first untouched
        var after = await platform.App.HealthyAsync(SecondIntake, snapshot => PlatformResources.Restarts(snapshot) > PlatformResources.Restarts(before));
        Assert.NotEqual(PlatformResources.Pid(before), PlatformResources.Pid(after));
        Assert.Equal(0, PlatformResources.Restarts(await platform.App.HealthyAsync(ResourceNames.Intake)));
    }

    [Fact]
    public async Task While_a_copy_is_stopped_the_gateway_sends_its_requests_to_the_other()
    {
        // Arrange
        await platform.App.HealthyAsync(SecondIntake);
        var commands = platform.App.Services.GetRequiredService<ResourceCommandService>();

        // Act
        var stopped = await commands.ExecuteCommandAsync(SecondIntake, KnownResourceCommands.StopCommand);
        Assert.True(stopped.Success, stopped.Message);
        try
        {
            await platform.App.UntilAsync(SecondIntake, snapshot => KnownResourceStates.TerminalStates.Contains(snapshot.State?.Text), "the second intake to stop");

            // Assert: once the gateway has found it gone, every read is answered, by the first copy
            await Eventually.Until(ReadsAnsweredAsync, answered => answered, "the gateway to answer every read of intake with one copy stopped", TimeSpan.FromSeconds(60));
            var before = platform.ForwardedTo(ResourceNames.Intake);
            Assert.True(await ReadsAnsweredAsync(), "a read of intake failed with one copy stopped");
            // (the gateway's log of where it forwarded them comes a moment later)
            var during = await Eventually.Until(
                () => Task.FromResult(platform.ForwardedTo(ResourceNames.Intake)), counts => counts[0] >= before[0] + Reads, "the gateway's log of the reads");
            Assert.Equal(before[1], during[1]);
        }
        finally
        {
            var started = await commands.ExecuteCommandAsync(SecondIntake, KnownResourceCommands.StartCommand);
            Assert.True(started.Success, started.Message);
        }

        // and once it is back, it is sent requests again
        await platform.App.HealthyAsync(SecondIntake);
        var back = platform.ForwardedTo(ResourceNames.Intake)[1];
        await Eventually.Until(
            async () => await ReadsAnsweredAsync() && platform.ForwardedTo(ResourceNames.Intake)[1] > back, served => served,
            "the gateway to send reads to the second intake again", TimeSpan.FromSeconds(60));
    }

    private const int Reads = 6;

    /// <summary><see cref="Reads"/> reads of intake through the gateway, all answered.</summary>
    private async Task<bool> ReadsAnsweredAsync()
    {
        var answered = true;
        for (var read = 0; read < Reads; read++)
        {
            using var response = await platform.Gateway.GetAsync("/api/intake/proposals?pageSize=1");
            answered &= response.StatusCode == HttpStatusCode.OK;
        }

        return answered;
    }
}
