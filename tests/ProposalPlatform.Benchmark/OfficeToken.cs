using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProposalPlatform.Benchmark;

/// <summary>
/// The proposal office's access token, as its scripts get it: client credentials from the platform's
/// <c>office-client.json</c>, at the token endpoint the gateway serves. Every request carries it.
/// </summary>
public sealed class OfficeToken(string gateway, string clientFile)
{
    public async Task<(string Token, TimeSpan Lifetime)> RequestAsync()
    {
        if (!File.Exists(clientFile))
        {
            throw new FileNotFoundException($"No machine client at {clientFile}: start the platform first (./platform.sh run), or give --client FILE.");
        }

        var client = JsonNode.Parse(await File.ReadAllTextAsync(clientFile))!;
        return await ClientCredentialsAsync(gateway, client["clientId"]!.GetValue<string>(), client["clientSecret"]!.GetValue<string>());
    }

    /// <summary>A machine client's access token and its lifetime, by client credentials at the gateway's token endpoint.</summary>
    public static async Task<(string Token, TimeSpan Lifetime)> ClientCredentialsAsync(string gateway, string clientId, string clientSecret)
    {
        using var http = new HttpClient { BaseAddress = new Uri(gateway) };
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = "api",
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return response.IsSuccessStatusCode && body?["access_token"] is { } token
            ? (token.GetValue<string>(), TimeSpan.FromSeconds(body["expires_in"]?.GetValue<int>() ?? 300))
            : throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>
    /// A new machine client of <paramref name="unitCode"/> with <paramref name="roles"/>, created by the
    /// office (<paramref name="office"/> carries its token), and its access token.
    /// </summary>
    public static async Task<string> NewClientAsync(HttpClient office, string gateway, string displayName, string unitCode, params string[] roles)
    {
        using var created = await office.PostAsJsonAsync("/api/identity/clients", new { displayName, unitCode, roles });
        var client = await created.Content.ReadFromJsonAsync<JsonObject>();
        if (!created.IsSuccessStatusCode || client?["clientSecret"] is null)
        {
            throw new InvalidOperationException($"Creating a client of {unitCode} answered {(int)created.StatusCode}: {client}");
        }

        return (await ClientCredentialsAsync(gateway, client["clientId"]!.GetValue<string>(), client["clientSecret"]!.GetValue<string>())).Token;
    }

    public static void Use(string token, params HttpClient[] clients)
    {
        foreach (var client in clients)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>
    /// What checking a token costs each service on each request, measured the way they check it: the
    /// signature against the identity service's published key, issuer, audience and lifetime.
    /// </summary>
    public async Task<double> ValidationMicrosecondsAsync(string token, int rounds = 20_000)
    {
        using var http = new HttpClient { BaseAddress = new Uri(gateway) };
        var discovery = (await http.GetFromJsonAsync<JsonObject>("/.well-known/openid-configuration"))!;
        var keys = new JsonWebKeySet(await http.GetStringAsync(new Uri(discovery["jwks_uri"]!.GetValue<string>()).PathAndQuery));
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = discovery["issuer"]!.GetValue<string>(),
            ValidAudience = "proposalplatform",
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidTypes = ["at+jwt", "JWT"],
        };
        var handler = new JsonWebTokenHandler();
        for (var i = 0; i < 500; i++)
        {
            _ = await handler.ValidateTokenAsync(token, parameters);
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            if (!(await handler.ValidateTokenAsync(token, parameters)).IsValid)
            {
                throw new InvalidOperationException("The office's token did not validate.");
            }
        }

        return watch.Elapsed.TotalMicroseconds / rounds;
    }
}
