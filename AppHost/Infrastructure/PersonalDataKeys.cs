using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using ProposalPlatform.AppHost.Services;

namespace ProposalPlatform.AppHost.Infrastructure;

/// <summary>
/// The key ring that seals the personal data the services store (submitters' phones and addresses,
/// signatories' phones): made on the first start and kept in the data directory, beside the databases
/// but never in them, in <c>personal-data-keys.json</c>: <c>{"currentKey": "k1", "keys": {"k1": "…base64…"}}</c>.
/// To rotate, add a key and make it current; keep the older ones for as long as values sealed with
/// them are stored. The ring reaches each service that needs it as <c>PersonalData__…</c>, secret parameters.
/// </summary>
public static class PersonalDataKeys
{
    public const string File = "personal-data-keys.json";

    public static IReadOnlyDictionary<string, IResourceBuilder<ParameterResource>> AddPersonalDataKeys(this IDistributedApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Infrastructure").Get<InfrastructureOptions>() ?? new InfrastructureOptions();
        var directory = options.Local.ResolveDataDirectory();
        Directory.CreateDirectory(directory);

        var ring = ReadOrCreate(Path.Combine(directory, File));
        var current = ring["currentKey"]?.GetValue<string>() ?? throw new InvalidOperationException($"{File} has no 'currentKey'.");
        var keys = ring["keys"]?.AsObject() ?? throw new InvalidOperationException($"{File} has no 'keys'.");

        var settings = new Dictionary<string, IResourceBuilder<ParameterResource>>
        {
            ["CurrentKey"] = builder.AddParameter("personal-data-current-key", current, secret: false),
        };
        // named by position: a key id may hold characters a resource name may not
        foreach (var ((id, key), position) in keys.Select((k, i) => (k, i + 1)))
        {
            settings[$"Keys__{id}"] = builder.AddParameter($"personal-data-key-{position}", key?.GetValue<string>() ?? "", secret: true);
        }

        return settings;
    }

    /// <summary>Gives the service the key ring, for the personal data it stores.</summary>
    public static IResourceBuilder<PlatformServiceResource> WithPersonalDataKeys(
        this IResourceBuilder<PlatformServiceResource> service, IReadOnlyDictionary<string, IResourceBuilder<ParameterResource>> keys)
    {
        foreach (var (setting, value) in keys)
        {
            service.WithEnvironment($"PersonalData__{setting}", value);
        }

        return service;
    }

    private static JsonObject ReadOrCreate(string path)
    {
        if (System.IO.File.Exists(path))
        {
            return JsonNode.Parse(System.IO.File.ReadAllText(path))?.AsObject()
                ?? throw new InvalidOperationException($"{path} is not a JSON object.");
        }

        var made = new JsonObject
        {
            ["currentKey"] = "k1",
            ["keys"] = new JsonObject { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
        };
        System.IO.File.WriteAllText(path, made.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return made;
    }
}
