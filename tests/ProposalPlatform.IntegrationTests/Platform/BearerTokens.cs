using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// A machine client's access token from the identity service's token endpoint (client credentials),
/// sent on every request and asked for anew shortly before it expires, as a district's system would.
/// </summary>
public sealed class ClientCredentialsHandler(Uri tokenEndpoint, string clientId, string clientSecret) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    public async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is null || DateTimeOffset.UtcNow >= _renewAt)
            {
                var (token, lifetime) = await RequestAsync(tokenEndpoint, clientId, clientSecret, cancellationToken);
                _token = token;
                _renewAt = DateTimeOffset.UtcNow + lifetime - TimeSpan.FromMinutes(1);
            }

            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public static async Task<(string Token, TimeSpan Lifetime)> RequestAsync(Uri tokenEndpoint, string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(tokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = "api",
        }), cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        if (!response.IsSuccessStatusCode || body?["access_token"] is not { } token)
        {
            throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {body}");
        }

        return (token.GetValue<string>(), TimeSpan.FromSeconds(body["expires_in"]?.GetValue<int>() ?? 300));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }
}
