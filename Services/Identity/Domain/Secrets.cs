using System.Buffers.Text;
using System.Security.Cryptography;

namespace ProposalPlatform.Identity.Domain;

/// <summary>The passwords and client secrets the service makes; each is shown once and never stored readable.</summary>
public static class Secrets
{
    public const int PasswordLength = 20;

    // no 0/O, 1/l/I: a password is read off a screen and typed once
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "-_.!";

    public static string NewPassword()
    {
        while (true)
        {
            var candidate = new string(RandomNumberGenerator.GetItems<char>(Lower + Upper + Digits + Symbols, PasswordLength));
            if (MeetsPolicy(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>What the service's password policy asks: long enough, a lower-case letter, a capital and a digit.</summary>
    public static bool MeetsPolicy(string password) =>
        password.Length >= PasswordRules.MinLength
        && password.Any(char.IsAsciiLetterLower)
        && password.Any(char.IsAsciiLetterUpper)
        && password.Any(char.IsAsciiDigit);

    /// <summary>256 random bits, base64url: safe in a form field, a header and an environment variable.</summary>
    public static string NewClientSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Eight random lower-case hexadecimal digits.</summary>
    public static string NewShortId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
}

public static class PasswordRules
{
    public const int MinLength = 12;
}
