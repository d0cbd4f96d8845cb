using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using ProposalPlatform.Identity.Data;

namespace ProposalPlatform.Identity.Hosting;

/// <summary>
/// The token server's signing and encryption keys (RSA 2048), made on the first start and kept in the
/// database; every start loads the same ones. Every stored key stays published and usable for
/// validation, the newest of each use signs or encrypts.
/// </summary>
public sealed partial class ServerKeyRing(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ServerKeyRing> logger)
{
    public const int KeySize = 2048;

    private readonly Lock _lock = new();
    private (IReadOnlyList<RsaSecurityKey> Signing, IReadOnlyList<RsaSecurityKey> Encryption)? _keys;

    /// <summary>Newest first.</summary>
    public IReadOnlyList<RsaSecurityKey> SigningKeys => Load().Signing;

    /// <summary>Newest first.</summary>
    public IReadOnlyList<RsaSecurityKey> EncryptionKeys => Load().Encryption;

    /// <summary>Loads the keys, making those missing; called at start, once the schema exists.</summary>
    public void EnsureLoaded() => Load();

    private (IReadOnlyList<RsaSecurityKey> Signing, IReadOnlyList<RsaSecurityKey> Encryption) Load()
    {
        lock (_lock)
        {
            return _keys ??= LoadOrCreate();
        }
    }

    private (IReadOnlyList<RsaSecurityKey>, IReadOnlyList<RsaSecurityKey>) LoadOrCreate()
    {
        using var scope = scopes.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<IdentityDataContext>();
        var stored = database.ServerKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToList();

        foreach (var use in new[] { ServerKey.Signing, ServerKey.Encryption })
        {
            if (!stored.Any(k => k.Use == use))
            {
                var made = Create(use);
                database.ServerKeys.Add(made);
                database.SaveChanges();
                stored.Insert(0, made);
                LogCreated(logger, use, made.Id);
            }
        }

        var signing = stored.Where(k => k.Use == ServerKey.Signing).Select(Import).ToList();
        var encryption = stored.Where(k => k.Use == ServerKey.Encryption).Select(Import).ToList();
        LogLoaded(logger, signing[0].KeyId, signing.Count, encryption.Count);
        return (signing, encryption);
    }

    private ServerKey Create(string use)
    {
        using var rsa = RSA.Create(KeySize);
        return new ServerKey
        {
            Id = KeyId(rsa),
            Use = use,
            PrivateKeyPem = rsa.ExportPkcs8PrivateKeyPem(),
            CreatedAt = clock.GetUtcNow(),
        };
    }

    private static RsaSecurityKey Import(ServerKey stored)
    {
        // kept for the life of the process, as the server's credentials are
        var rsa = RSA.Create();
        rsa.ImportFromPem(stored.PrivateKeyPem);
        return new RsaSecurityKey(rsa) { KeyId = stored.Id };
    }

    /// <summary>The RFC 7638 thumbprint of the public key, base64url: the same key always has the same kid.</summary>
    public static string KeyId(RSA rsa) =>
        Base64UrlEncoder.Encode(new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)).ComputeJwkThumbprint());

    [LoggerMessage(Level = LogLevel.Information, Message = "Made a new {Use} key {KeyId} for the token server")]
    private static partial void LogCreated(ILogger logger, string use, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Token server keys loaded: signing with {KeyId} ({SigningCount} signing, {EncryptionCount} encryption keys)")]
    private static partial void LogLoaded(ILogger logger, string keyId, int signingCount, int encryptionCount);
}
