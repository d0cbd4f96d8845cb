using System.Security.Cryptography;
using System.Text;
using ProposalPlatform.AppHost.Infrastructure;

namespace ProposalPlatform.IntegrationTests.Databases;

/// <summary>A role's password is set as its SCRAM-SHA-256 verifier, the password itself never sent to the server.</summary>
public sealed class Setting_a_roles_password
{
    [Fact]
    public void The_verifier_answers_the_exchange_of_RFC_7677()
    {
        // Arrange: the example exchange of RFC 7677, section 3 (user "user", password "pencil")
        const string clientFirstBare = "n=user,r=rOprNGfwEbeRWgbNEkqO";
        const string serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
        const string clientFinalWithoutProof = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        var authMessage = Encoding.UTF8.GetBytes($"{clientFirstBare},{serverFirst},{clientFinalWithoutProof}");
        var clientProof = Convert.FromBase64String("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");

        // Act
        var verifier = PostgresPassword.ScramSha256Verifier("pencil", Convert.FromBase64String("W22ZaJ0SNY7soEsUEjb6gQ=="));

        // Assert: the server keys it holds check the client's proof and sign the server's answer as in the RFC
        var parts = verifier.Split('$', ':');
        Assert.Equal(["SCRAM-SHA-256", "4096", "W22ZaJ0SNY7soEsUEjb6gQ=="], parts[..3]);
        var storedKey = Convert.FromBase64String(parts[3]);
        var serverKey = Convert.FromBase64String(parts[4]);
        var clientKey = clientProof.Zip(HMACSHA256.HashData(storedKey, authMessage), (a, b) => (byte)(a ^ b)).ToArray();
        Assert.Equal(storedKey, SHA256.HashData(clientKey));
        Assert.Equal("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", Convert.ToBase64String(HMACSHA256.HashData(serverKey, authMessage)));
    }
}
