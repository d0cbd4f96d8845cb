using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProposalPlatform.Infrastructure.Outbox;

/// <summary>How an outbox row names and stores its message, and how the relay reads it back.</summary>
public static class OutboxMessageTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly ConcurrentDictionary<string, Type> Resolved = new();

    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) =>
        Resolved.GetOrAdd(name, n => Type.GetType(n, throwOnError: false)
            ?? throw new InvalidOperationException($"Outbox message type '{n}' is not known to this service."));
}
