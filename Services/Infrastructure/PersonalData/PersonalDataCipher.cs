using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ProposalPlatform.Infrastructure.PersonalData;

/// <summary>
/// Seals personal data (phones, addresses) before it is stored, with AES-256-GCM and a key from the
/// configured key ring (<see cref="PersonalDataOptions"/>), so that the database and its files hold
/// none of it in the clear. A sealed value names the key that sealed it, so keys can rotate: new values
/// take the current key, older ones open with the key they name for as long as the ring keeps it.
/// Each value is bound to a context (what it is and whose): opened in another, it is refused, so a
/// sealed value copied onto another row or column does not open there.
/// </summary>
/// <remarks>
/// The format, version 1: <c>[1][n][key id: n ASCII bytes][nonce: 12][tag: 16][ciphertext]</c>; the
/// first 2 + n bytes are authenticated with the context. A value costs 30 + n bytes more than its text.
/// </remarks>
public sealed class PersonalDataCipher
{
    public const int KeySize = 32;
    public const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<string, byte[]> _keys;
    private readonly byte[] _header;
    private readonly byte[] _currentKey;

    public PersonalDataCipher(IOptions<PersonalDataOptions> options)
        : this(options.Value)
    {
    }

    public PersonalDataCipher(PersonalDataOptions options)
    {
        _keys = options.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal);
        CurrentKeyId = options.CurrentKey ?? throw new ArgumentException("PersonalData:CurrentKey is not set.", nameof(options));
        _currentKey = _keys.TryGetValue(CurrentKeyId, out var key) && key.Length == KeySize
            ? key
            : throw new ArgumentException("PersonalData:CurrentKey must name a 32-byte key of PersonalData:Keys.", nameof(options));
        _header = [FormatVersion, (byte)CurrentKeyId.Length, .. Encoding.ASCII.GetBytes(CurrentKeyId)];
    }

    /// <summary>The id of the key new values are sealed with.</summary>
    public string CurrentKeyId { get; }

    /// <summary>The context a value of <paramref name="purpose"/> (say, a table's column) belonging to <paramref name="owner"/> is sealed in.</summary>
    public static byte[] Context(string purpose, Guid owner)
    {
        var context = new byte[Encoding.UTF8.GetByteCount(purpose) + 1 + 16];
        var length = Encoding.UTF8.GetBytes(purpose, context);
        owner.TryWriteBytes(context.AsSpan(length + 1));
        return context;
    }

    /// <summary><paramref name="text"/> sealed for <paramref name="purpose"/> of <paramref name="owner"/>; null stays null.</summary>
    public byte[]? SealText(string? text, string purpose, Guid owner) =>
        text is null ? null : Seal(Encoding.UTF8.GetBytes(text), Context(purpose, owner));

    /// <summary>What <see cref="SealText"/> sealed, given the same purpose and owner; null stays null.</summary>
    public string? OpenText(byte[]? sealedText, string purpose, Guid owner) =>
        sealedText is null ? null : Encoding.UTF8.GetString(Open(sealedText, Context(purpose, owner)));

    public byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> context)
    {
        var sealedValue = new byte[_header.Length + NonceSize + TagSize + plaintext.Length];
        _header.CopyTo(sealedValue, 0);
        var nonce = sealedValue.AsSpan(_header.Length, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_currentKey, TagSize);
        aes.Encrypt(
            nonce,
            plaintext,
            sealedValue.AsSpan(_header.Length + NonceSize + TagSize),
            sealedValue.AsSpan(_header.Length + NonceSize, TagSize),
            AssociatedData(_header, context));
        return sealedValue;
    }

    /// <summary>
    /// The plaintext of <paramref name="sealedValue"/>. A value altered in any byte, sealed in another
    /// context or with another key of the same id is refused (<see cref="AuthenticationTagMismatchException"/>);
    /// one sealed with a key the ring does not have, or not in this format, too (<see cref="CryptographicException"/>).
    /// </summary>
    public byte[] Open(ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> context)
    {
        var keyId = KeyIdOf(sealedValue);
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"The value was sealed with key '{keyId}', which PersonalData:Keys does not have.");
        }

        var header = sealedValue[..(2 + keyId.Length)];
        var body = sealedValue[header.Length..];
        var plaintext = new byte[body.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(body[..NonceSize], body[(NonceSize + TagSize)..], body.Slice(NonceSize, TagSize), plaintext, AssociatedData(header, context));
        return plaintext;
    }

    /// <summary>The id of the key that sealed <paramref name="sealedValue"/>.</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> sealedValue)
    {
        if (sealedValue.Length < 2 || sealedValue[0] != FormatVersion || sealedValue.Length < 2 + sealedValue[1] + NonceSize + TagSize)
        {
            throw new CryptographicException("The value is not sealed personal data of format version 1.");
        }

        return Encoding.ASCII.GetString(sealedValue.Slice(2, sealedValue[1]));
    }

    private static byte[] AssociatedData(ReadOnlySpan<byte> header, ReadOnlySpan<byte> context) => [.. header, .. context];
}
