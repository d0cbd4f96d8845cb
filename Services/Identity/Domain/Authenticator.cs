using System.Text.RegularExpressions;

namespace ProposalPlatform.Identity.Domain;

/// <summary>Authenticator (TOTP, RFC 6238) keys and the otpauth:// URIs authenticator apps read from a QR code.</summary>
public static partial class Authenticator
{
    /// <summary>The name an authenticator app shows beside the code.</summary>
    public const string IssuerLabel = "ProposalPlatform";

    [GeneratedRegex("^[A-Z2-7]{16,}$")]
    private static partial Regex Base32Key();

    /// <summary>A base32 key as ASP.NET Core Identity stores it (capitals, no spaces, no padding), or null if it is not one of at least 80 bits.</summary>
    public static string? NormalizeKey(string? key)
    {
        if (key is null)
        {
            return null;
        }

        var normalized = key.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        return Base32Key().IsMatch(normalized) ? normalized : null;
    }

    public static string Uri(string userName, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(IssuerLabel)}:{System.Uri.EscapeDataString(userName)}"
        + $"?secret={key}&issuer={System.Uri.EscapeDataString(IssuerLabel)}&digits=6";

    /// <summary>
    /// Whether what a person typed at the second step is a 6-digit authenticator code (spaces and a
    /// dash allowed, as apps show it) rather than a recovery code.
    /// </summary>
    public static bool IsAuthenticatorCode(string input, out string code)
    {
        code = input.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return code.Length == 6 && code.All(char.IsAsciiDigit);
    }
}
