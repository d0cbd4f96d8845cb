using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace ProposalPlatform.AppHost.Infrastructure;

/// <summary>
/// Moves the messages of the broker's <c>_error</c> queues back to the queues they failed in, through
/// RabbitMQ's management API and its shovel plugin: for each error queue holding messages, a dynamic
/// shovel that takes the messages there now and deletes itself (<c>src-delete-after: queue-length</c>).
/// A message keeps its id, so the consumer's inbox applies it once, and one that fails again goes back
/// to <c>_error</c>. Run it once the cause is mended: the dashboard's command on the broker, or
/// <c>./platform.sh replay-errors</c>; in a deployment, the management UI's "Move messages" does the same per queue.
/// </summary>
public static class ErrorQueueReplay
{
    public const string ErrorSuffix = "_error";

    /// <summary>A client of the management API at <paramref name="address"/>, signed in as the local broker's guest (loopback only).</summary>
    public static HttpClient ManagementClient(Uri address)
    {
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("guest:guest"u8.ToArray()));
        return client;
    }

    /// <summary>
    /// Starts a shovel for every error queue (or only <paramref name="queue"/>'s); returns the queues and
    /// how many messages the management API last counted in each (its statistics lag by a few seconds, so
    /// a queue it counts empty is shovelled too: a shovel of an empty queue ends at once).
    /// </summary>
    public static async Task<IReadOnlyList<(string ErrorQueue, long Messages)>> ReplayAsync(
        HttpClient management, string? queue = null, CancellationToken cancellationToken = default)
    {
        var queues = await management.GetFromJsonAsync<List<QueueInfo>>("api/queues/%2F?columns=name,messages", cancellationToken) ?? [];
        var replayed = new List<(string, long)>();
        foreach (var error in queues.Where(q => q.Name.EndsWith(ErrorSuffix, StringComparison.Ordinal)))
        {
            var source = error.Name[..^ErrorSuffix.Length];
            if (queue is not null && queue != source && queue != error.Name)
            {
                continue;
            }

            var shovel = new ShovelDefinition(new ShovelValue("amqp091", "amqp://", error.Name, "amqp091", "amqp://", source, "queue-length", "on-confirm"));
            using var response = await management.PutAsJsonAsync(
                $"api/parameters/shovel/%2F/{Uri.EscapeDataString($"replay-{error.Name}")}", shovel, cancellationToken);
            response.EnsureSuccessStatusCode();
            replayed.Add((error.Name, error.Messages ?? 0));
        }

        return replayed;
    }

    private sealed record QueueInfo(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("messages")] long? Messages);

    private sealed record ShovelDefinition([property: JsonPropertyName("value")] ShovelValue Value);

    private sealed record ShovelValue(
        [property: JsonPropertyName("src-protocol")] string SourceProtocol,
        [property: JsonPropertyName("src-uri")] string SourceUri,
        [property: JsonPropertyName("src-queue")] string SourceQueue,
        [property: JsonPropertyName("dest-protocol")] string DestinationProtocol,
        [property: JsonPropertyName("dest-uri")] string DestinationUri,
        [property: JsonPropertyName("dest-queue")] string DestinationQueue,
        [property: JsonPropertyName("src-delete-after")] string DeleteAfter,
        [property: JsonPropertyName("ack-mode")] string AckMode);
}

/// <summary>The broker's dashboard command that runs <see cref="ErrorQueueReplay"/>.</summary>
public static class ErrorQueueReplayCommand
{
    public static IResourceBuilder<T> WithErrorQueueReplay<T>(this IResourceBuilder<T> broker, EndpointReference management)
        where T : IResource =>
        broker.WithCommand(
            "replay-error-queues",
            "Replay the error queues",
            async context =>
            {
                using var http = ErrorQueueReplay.ManagementClient(new Uri($"{management.Url}/"));
                try
                {
                    var replayed = await ErrorQueueReplay.ReplayAsync(http, cancellationToken: context.CancellationToken);
                    var moved = string.Join(", ", replayed.Where(r => r.Messages > 0).Select(r => $"{r.ErrorQueue} ({r.Messages})"));
                    context.Logger.LogInformation("Replaying the error queues: {Queues}", moved.Length > 0 ? moved : "none held messages");
                    return CommandResults.Success();
                }
                catch (HttpRequestException ex)
                {
                    return CommandResults.Failure(ex.Message);
                }
            },
            new CommandOptions
            {
                Description = "Moves every message of the _error queues back to the queue it failed in (RabbitMQ's shovel). Do it once the cause is mended: a message that fails again returns to _error.",
                ConfirmationMessage = "Move every message of the _error queues back to its queue?",
                IconName = "ArrowRepeatAll",
            });
}
