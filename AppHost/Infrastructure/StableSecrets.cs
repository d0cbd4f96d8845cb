using System.Security.Cryptography;

namespace ProposalPlatform.AppHost.Infrastructure;

/// <summary>Secrets made once and kept in a file beside the data they protect, so a restart finds the same.</summary>
public static class StableSecrets
{
    public static string ReadOrCreate(string path, string prefix = "")
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var secret = prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(prefix.Length > 0 ? 24 : 16)).ToLowerInvariant();
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return secret;
    }
}
