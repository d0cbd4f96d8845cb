using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Messaging;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// A fact published again under a new message id (a replay from an error queue, an outbox row sent
/// again by another replica) changes nothing: the consumers key what they record by the fact, not
/// only by the message id.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Applying_each_fact_once(PlatformFixture platform)
{
    [Fact]
    public async Task A_missed_deadline_published_again_under_a_new_message_id_is_one_step_and_one_notice()
    {
        // Arrange: an item, assigned, and a bus of the test's own on the platform's broker
        var item = await RegisterAsync();
        var assignment = await platform.Gateway.GetWhenPresentAsync($"/api/assignment/assignments/{item}");
        var unit = assignment["unitCode"]!.GetValue<string>();
        var missed = new DeadlineMissed(item, DeadlineKind.Reply, unit, assignment["dueAt"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow);
        using var host = await BusAsync();
        var bus = host.Services.GetRequiredService<IBus>();

        // Act: the fact, then the same fact under a new message id, then another item's (the marker that the queues have moved past it)
        await bus.Publish(missed, context => context.MessageId = NewId.NextGuid());
        await platform.Gateway.GetWhenPresentAsync($"/api/reporting/items/{item}/story", story => Steps(story).Contains("DeadlineMissed"));
        await bus.Publish(missed, context => context.MessageId = NewId.NextGuid());
        var marker = await RegisterAsync();
        await platform.Gateway.GetWhenPresentAsync($"/api/assignment/assignments/{marker}");
        await bus.Publish(missed with { ProposalId = marker }, context => context.MessageId = NewId.NextGuid());
        await platform.Gateway.GetWhenPresentAsync($"/api/reporting/items/{marker}/story", story => Steps(story).Contains("DeadlineMissed"));
        var notices = await platform.Gateway.GetWhenPresentAsync($"/api/notifications?unit={unit}&pageSize=200",
            list => Notices(list, marker) == 1 && Notices(list, item) >= 1);

        // Assert
        var storyOfItem = await platform.Gateway.GetWhenPresentAsync($"/api/reporting/items/{item}/story");
        Assert.Single(Steps(storyOfItem), step => step == "DeadlineMissed");
        Assert.Equal(1, Notices(notices, item));
    }

    private async Task<Guid> RegisterAsync() =>
        (await platform.Gateway.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();

    private async Task<IHost> BusAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ResourceNames.Broker}"] = await platform.ConnectionStringAsync(ResourceNames.Broker),
        });
        builder.AddPlatformMessaging("facttests", consumersAssembly: null, waitForBroker: true);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static List<string> Steps(JsonNode story) =>
        story["timeline"]!.AsArray().Select(entry => entry!["step"]!.GetValue<string>()).ToList();

    private static int Notices(JsonNode list, Guid item) =>
        list["items"]!.AsArray().Count(n => n!["proposalId"]!.GetValue<Guid>() == item && n["kind"]!.GetValue<string>() == "ReplyOverdue");
}
