namespace ProposalPlatform.Identity.Data;

/// <summary>
/// One of the token server's RSA keys, made on the first start and loaded on every start after, so
/// that tokens issued before a restart stay valid and the JWKS stays the same.
/// </summary>
public sealed class ServerKey
{
    public const string Signing = "sig";
    public const string Encryption = "enc";

    /// <summary>The key id (kid): the RFC 7638 thumbprint of the public key.</summary>
    public string Id { get; set; } = "";

    /// <summary><see cref="Signing"/> or <see cref="Encryption"/>.</summary>
    public string Use { get; set; } = "";

    /// <summary>The private key, PKCS#8 PEM.</summary>
    public string PrivateKeyPem { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
