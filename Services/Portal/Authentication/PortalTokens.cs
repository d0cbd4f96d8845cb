using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json.Serialization;
using ProposalPlatform.Portal.Clients;

namespace ProposalPlatform.Portal.Authentication;

/// <summary>The tokens of one signed-in person's session: the access token the portal calls the APIs with, and how to renew it.</summary>
public sealed record SessionTokens(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt);

/// <summary>
/// Keeps each session's tokens on the server, never in the browser: the session cookie names the
/// session only (<see cref="SessionClaim"/>). An access token about to expire is renewed with the
/// refresh token at the identity service's token endpoint. A session the portal does not know (after a
/// restart, or renewal refused) has no token: the person signs in again.
/// </summary>
public sealed partial class PortalTokens(IHttpClientFactory clients, TimeProvider clock, ILogger<PortalTokens> logger)
{
    public const string SessionClaim = "portal_session";

    /// <summary>Renewed when less than this is left of it.</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, SessionTokens> _sessions = new();
    private readonly SemaphoreSlim _renewing = new(1, 1);

    public string Keep(SessionTokens tokens)
    {
        var session = Guid.NewGuid().ToString("N");
        _sessions[session] = tokens;
        return session;
    }

    public void Forget(ClaimsPrincipal user)
    {
        if (user.FindFirstValue(SessionClaim) is { } session)
        {
            _sessions.TryRemove(session, out _);
        }
    }

    /// <summary>The session's access token, renewed first if it is about to expire; null when the person must sign in again.</summary>
    public async Task<string?> AccessTokenAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue(SessionClaim) is not { } session || !_sessions.TryGetValue(session, out var tokens))
        {
            return null;
        }

        if (tokens.ExpiresAt - clock.GetUtcNow() > RenewBefore)
        {
            return tokens.AccessToken;
        }

        if (tokens.RefreshToken is null)
        {
            return null;
        }

        await _renewing.WaitAsync(cancellationToken);
        try
        {
            if (_sessions.TryGetValue(session, out var current) && current.ExpiresAt - clock.GetUtcNow() > RenewBefore)
            {
                return current.AccessToken;
            }

            using var response = await clients.CreateClient(GatewayApi.ClientName).PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = Contracts.Identity.PlatformClaims.PortalClientId,
                ["refresh_token"] = tokens.RefreshToken,
            }), cancellationToken);
            var answer = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken) : null;
            if (answer?.AccessToken is null)
            {
                LogRenewalRefused(logger, (int)response.StatusCode);
                _sessions.TryRemove(session, out _);
                return null;
            }

            _sessions[session] = new SessionTokens(answer.AccessToken, answer.RefreshToken ?? tokens.RefreshToken, clock.GetUtcNow().AddSeconds(answer.ExpiresIn));
            return answer.AccessToken;
        }
        finally
        {
            _renewing.Release();
        }
    }

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    [LoggerMessage(Level = LogLevel.Information, Message = "The identity service refused to renew a session's token ({Status}); the person signs in again")]
    private static partial void LogRenewalRefused(ILogger logger, int status);
}
