using System.Security.Cryptography;
using System.Text;

namespace ProposalPlatform.AppHost.Infrastructure;

/// <summary>
/// The SCRAM-SHA-256 verifier PostgreSQL keeps of a password (RFC 5802 and 7677, as libpq's
/// <c>PQencryptPasswordConn</c> makes it). A role's password is set as its verifier, so the password
/// itself never reaches the server, nor its log should the statement fail.
/// </summary>
public static class PostgresPassword
{
    private const int Iterations = 4096;

    /// <summary><c>SCRAM-SHA-256$&lt;iterations&gt;:&lt;salt&gt;$&lt;stored key&gt;:&lt;server key&gt;</c>, each part base64.</summary>
    public static string ScramSha256Verifier(string password, byte[]? salt = null)
    {
        // SASLprep leaves the ASCII passwords the platform makes as they are
        salt ??= RandomNumberGenerator.GetBytes(16);
        var saltedPassword = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        var storedKey = SHA256.HashData(HMACSHA256.HashData(saltedPassword, "Client Key"u8));
        var serverKey = HMACSHA256.HashData(saltedPassword, "Server Key"u8);
        return $"SCRAM-SHA-256${Iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }
}
