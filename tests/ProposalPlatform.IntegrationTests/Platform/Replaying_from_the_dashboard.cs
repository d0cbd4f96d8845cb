using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>The broker's dashboard command that moves the error queues' messages back (the logic is tested in Messaging/Replaying_the_error_queues).</summary>
[Collection(PlatformCollection.Name)]
public sealed class Replaying_from_the_dashboard(PlatformFixture platform)
{
    [Fact]
    public async Task The_broker_offers_replaying_the_error_queues_and_it_runs()
    {
        var commands = platform.App.Services.GetRequiredService<ResourceCommandService>();

        var result = await commands.ExecuteCommandAsync(ResourceNames.Broker, "replay-error-queues");

        Assert.True(result.Success, result.Message);
    }
}
