using System.Security.Cryptography;
using System.Text;

namespace ProposalPlatform.Assignment.Domain;

/// <summary>The keys clients call the gateway with: random, shown once, kept only as a hash.</summary>
public static class ApiKeys
{
    public static string New() => "pp_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    /// <summary>The hash the gateway looks a key up by (lower-case hex SHA-256 of its UTF-8 bytes).</summary>
    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim()))).ToLowerInvariant();
}
