using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The gateway and every service check the token themselves: a request without one, or with one that
/// is malformed, forged, expired, issued for another audience or by another issuer, is a 401
/// ProblemDetails — through the gateway and straight at each service's own port alike.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Checking_every_callers_token(PlatformFixture platform)
{
    /// <summary>Each service's own port and a read it answers for the office, and the gateway's.</summary>
    public static TheoryData<string, string> Entrances => new()
    {
        { ResourceNames.Gateway, "/api/intake/proposals?pageSize=1" },
        { ResourceNames.Intake, "/api/intake/proposals?pageSize=1" },
        { ResourceNames.Assignment, "/api/assignment/units" },
        { ResourceNames.ContactScheduling, "/api/contacts/entrusted?district=DIST-SHENZHEN" },
        { ResourceNames.Reply, "/api/replies/follow-ups" },
        { ResourceNames.Identity, "/api/identity/clients" },
        { ResourceNames.Audit, "/api/audit/records?pageSize=1" },
        { ResourceNames.Reporting, "/api/reporting/statistics/annual?year=2020" },
        { ResourceNames.Notifications, "/api/notifications?unit=HQ-FTZ" },
    };

    [Theory]
    [MemberData(nameof(Entrances))]
    public async Task A_request_without_a_valid_token_is_a_401_problem(string entrance, string path)
    {
        // Arrange: the office's real token, and the tokens an attacker could make of it or without it
        var valid = await OfficeTokenAsync();
        var parts = valid.Split('.');
        var claims = JsonNode.Parse(Base64UrlDecode(parts[1]))!.AsObject();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var key = await SigningKeyAsync();
        var refused = new Dictionary<string, string?>
        {
            ["none"] = null,
            ["malformed"] = "not-a-token",
            ["tampered signature"] = $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA",
            ["tampered claims"] = $"{parts[0]}.{Base64UrlEncode(Encoding.UTF8.GetBytes(With(claims, "role", PlatformRoles.ProposalOffice).ToJsonString()))}.{parts[2]}",
            ["signed by another key"] = Sign(With(claims, "sub", "attacker"), RSA.Create(2048), "attacker-key"),
            ["expired"] = Sign(With(With(claims, "exp", now - 120), "iat", now - 900), key.Rsa, key.Id),
            ["another audience"] = Sign(With(claims, "aud", "another-system"), key.Rsa, key.Id),
            ["another issuer"] = Sign(With(claims, "iss", "http://attacker.example/"), key.Rsa, key.Id),
        };
        using var http = Client(entrance);

        // Act + Assert: the real token is let in, every other one is refused the same way
        using (var accepted = await GetAsync(http, path, valid))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        foreach (var (what, token) in refused)
        {
            using var response = await GetAsync(http, path, token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{entrance}, {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("\"items\"", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_revoked_client_gets_no_new_token()
    {
        // Arrange
        var (clientId, secret) = await platform.CreateClientAsync("DIST-XIAMEN", PlatformRoles.DistrictOfficer);
        var (before, _) = await ClientCredentialsHandler.RequestAsync(platform.TokenEndpoint, clientId, secret, CancellationToken.None);

        // Act
        using var revoked = await platform.Gateway.PostAsync($"/api/identity/clients/{clientId}/revoke", null);
        using var http = new HttpClient();
        using var after = await http.PostAsync(platform.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "api",
        }));

        // Assert
        Assert.False(string.IsNullOrEmpty(before));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.False(after.IsSuccessStatusCode);
        Assert.Equal("invalid_client", (await after.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_tokens_carry_who_calls_and_live_at_most_a_quarter_of_an_hour()
    {
        var token = await OfficeTokenAsync();

        var claims = JsonNode.Parse(Base64UrlDecode(token.Split('.')[1]))!.AsObject();

        Assert.Equal(platform.GatewayAddress.ToString(), claims["iss"]!.GetValue<string>());
        Assert.Equal("office-scripts", claims["sub"]!.GetValue<string>());
        Assert.Equal(PlatformFixture.OfficeClientName, claims["name"]!.GetValue<string>());
        Assert.Equal("HQ-OFFICE", claims["unit"]!.GetValue<string>());
        Assert.Contains(PlatformRoles.ProposalOffice, claims["role"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(PlatformClaims.Audience, claims["aud"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.InRange(claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>(), 60, 15 * 60);
    }

    private HttpClient Client(string entrance) =>
        entrance == ResourceNames.Gateway ? platform.Anonymous() : platform.App.CreateHttpClient(entrance);

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    private async Task<string> OfficeTokenAsync()
    {
        var client = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(platform.DataDirectory, "office-client.json")))!;
        return (await ClientCredentialsHandler.RequestAsync(
            platform.TokenEndpoint, client["clientId"]!.GetValue<string>(), client["clientSecret"]!.GetValue<string>(), CancellationToken.None)).Token;
    }

    /// <summary>The identity service's own signing key, read from its database: what only a thief of it could sign with.</summary>
    private async Task<(RSA Rsa, string Id)> SigningKeyAsync()
    {
        await using var connection = new NpgsqlConnection(await platform.ConnectionStringAsync(ResourceNames.IdentityDatabase));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Id", "PrivateKeyPem" FROM "ServerKeys" WHERE "Use" = 'sig' ORDER BY "CreatedAt" DESC LIMIT 1""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var rsa = RSA.Create();
        rsa.ImportFromPem(reader.GetString(1));
        return (rsa, reader.GetString(0));
    }

    private static JsonObject With(JsonObject claims, string name, JsonNode? value)
    {
        var copy = claims.DeepClone().AsObject();
        copy[name] = value;
        return copy;
    }

    private static string Sign(JsonObject claims, RSA key, string keyId)
    {
        var header = Base64UrlEncode(Encoding.UTF8.GetBytes(new JsonObject { ["alg"] = "RS256", ["kid"] = keyId, ["typ"] = "at+jwt" }.ToJsonString()));
        var payload = Base64UrlEncode(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64UrlEncode(signature)}";
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}
