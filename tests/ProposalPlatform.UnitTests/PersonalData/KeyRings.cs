using System.Security.Cryptography;
using ProposalPlatform.Infrastructure.PersonalData;

namespace ProposalPlatform.UnitTests.PersonalData;

/// <summary>Key rings made up for a test: each key 32 random bytes.</summary>
internal static class KeyRings
{
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(PersonalDataCipher.KeySize));

    public static PersonalDataOptions Ring(string current, params (string Id, string Key)[] keys) =>
        new() { CurrentKey = current, Keys = keys.ToDictionary(k => k.Id, k => k.Key) };

    /// <summary>A cipher with one new key, <c>k1</c>.</summary>
    public static PersonalDataCipher Cipher() => new(Ring("k1", ("k1", NewKey())));
}
