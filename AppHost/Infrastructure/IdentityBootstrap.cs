using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace ProposalPlatform.AppHost.Infrastructure;

/// <summary>
/// The two credentials the platform starts with, made on the first start and kept in the data
/// directory, like the databases they open: the proposal office's first administrator
/// (<c>office-admin.json</c>: user name, password and the authenticator key of the second factor) and
/// the office's machine client (<c>office-client.json</c>: client id and secret, for its scripts).
/// With them the office creates every other person and client through the identity service.
/// </summary>
public static class IdentityBootstrap
{
    public const string AdminFile = "office-admin.json";
    public const string ClientFile = "office-client.json";

    public const string AdminUserName = "office-admin";
    public const string OfficeClientId = "office-scripts";

    // written for people to read: Chinese and '&' as they are, not as \u escapes
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The bootstrap values as the identity service reads them (<c>Identity__Bootstrap__…</c>), each a secret parameter.</summary>
    public static IReadOnlyDictionary<string, IResourceBuilder<ParameterResource>> AddIdentityBootstrap(this IDistributedApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Infrastructure").Get<InfrastructureOptions>() ?? new InfrastructureOptions();
        var directory = options.Local.ResolveDataDirectory();
        Directory.CreateDirectory(directory);

        var admin = ReadOrCreate(Path.Combine(directory, AdminFile), () =>
        {
            var key = Base32(RandomNumberGenerator.GetBytes(20));
            return new JsonObject
            {
                ["userName"] = AdminUserName,
                ["password"] = "Pp-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant(),
                ["authenticatorKey"] = key,
                ["authenticatorUri"] = $"otpauth://totp/ProposalPlatform:{AdminUserName}?secret={key}&issuer=ProposalPlatform&digits=6",
            };
        });
        var client = ReadOrCreate(Path.Combine(directory, ClientFile), () => new JsonObject
        {
            ["clientId"] = OfficeClientId,
            ["clientSecret"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant(),
        });

        return new Dictionary<string, IResourceBuilder<ParameterResource>>
        {
            ["AdminUserName"] = builder.AddParameter("identity-admin-user", Value(admin, "userName"), secret: false),
            ["AdminPassword"] = builder.AddParameter("identity-admin-password", Value(admin, "password"), secret: true),
            ["AdminAuthenticatorKey"] = builder.AddParameter("identity-admin-authenticator", Value(admin, "authenticatorKey"), secret: true),
            ["OfficeClientId"] = builder.AddParameter("identity-office-client", Value(client, "clientId"), secret: false),
            ["OfficeClientSecret"] = builder.AddParameter("identity-office-client-secret", Value(client, "clientSecret"), secret: true),
        };
    }

    private static JsonObject ReadOrCreate(string path, Func<JsonObject> create)
    {
        if (File.Exists(path))
        {
            return JsonNode.Parse(File.ReadAllText(path))?.AsObject()
                ?? throw new InvalidOperationException($"{path} is not a JSON object.");
        }

        var made = create();
        File.WriteAllText(path, made.ToJsonString(Indented));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return made;
    }

    private static string Value(JsonObject file, string name) =>
        file[name]?.GetValue<string>() is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The bootstrap file has no '{name}'.");

    /// <summary>RFC 4648 base32, as authenticator apps read keys.</summary>
    public static string Base32(ReadOnlySpan<byte> bytes)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new System.Text.StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                output.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            output.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return output.ToString();
    }
}
