using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OtpNet;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>What came of one sign-in attempt: a token, or the refusal the sign-in page showed.</summary>
public sealed record SignInOutcome(string? AccessToken, string? RefreshToken, string? Refusal);

/// <summary>
/// A person signing in as a browser does, through the gateway: the authorization code flow with PKCE
/// (client <c>platform-cli</c>), the sign-in form with its antiforgery token, the authenticator code
/// for accounts with a second factor, and the code exchanged for tokens.
/// </summary>
public static partial class PersonSignIn
{
    public const string ClientId = "platform-cli";
    public const string RedirectUri = "http://127.0.0.1/callback";

    public static async Task<SignInOutcome> SignInAsync(Uri gateway, string userName, string password, string? authenticatorKey = null, string? code = null)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = "/connect/authorize?" + string.Join('&', new Dictionary<string, string>
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "openid profile offline_access api",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = Base64Url(RandomNumberGenerator.GetBytes(8)),
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

        // the authorization endpoint sends a person who is not signed in to the sign-in page
        var location = await RedirectAsync(browser, authorize);
        var (antiforgery, returnUrl) = await FormAsync(browser, location);
        using var posted = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = password, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = antiforgery,
        }));
        if (posted.StatusCode != HttpStatusCode.Redirect)
        {
            return new SignInOutcome(null, null, Refusal(await posted.Content.ReadAsStringAsync()));
        }

        location = posted.Headers.Location!.OriginalString;
        if (location.StartsWith("/account/login-2fa", StringComparison.Ordinal))
        {
            var (secondAntiforgery, secondReturnUrl) = await FormAsync(browser, location);
            var oneTime = code ?? new Totp(Base32Encoding.ToBytes(authenticatorKey ?? throw new InvalidOperationException($"{userName} needs a second factor."))).ComputeTotp();
            using var second = await browser.PostAsync("/account/login-2fa", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["code"] = oneTime, ["returnUrl"] = secondReturnUrl, ["__RequestVerificationToken"] = secondAntiforgery,
            }));
            if (second.StatusCode != HttpStatusCode.Redirect)
            {
                return new SignInOutcome(null, null, Refusal(await second.Content.ReadAsStringAsync()));
            }

            location = second.Headers.Location!.OriginalString;
        }

        // signed in: the authorization endpoint now answers with the code, to the client's redirect URI
        var callback = new Uri(await RedirectAsync(browser, location));
        var authorizationCode = System.Web.HttpUtility.ParseQueryString(callback.Query)["code"]
            ?? throw new InvalidOperationException($"No code in {callback}");
        using var token = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = ClientId, ["code"] = authorizationCode,
            ["redirect_uri"] = RedirectUri, ["code_verifier"] = verifier,
        }));
        var body = await token.Content.ReadFromJsonAsync<JsonObject>();
        return token.IsSuccessStatusCode
            ? new SignInOutcome(body!["access_token"]!.GetValue<string>(), body["refresh_token"]?.GetValue<string>(), null)
            : throw new InvalidOperationException($"The token endpoint answered {(int)token.StatusCode}: {body}");
    }

    /// <summary>Signs in and answers a client calling the gateway with the person's token.</summary>
    public static async Task<HttpClient> ClientAsync(Uri gateway, string userName, string password, string? authenticatorKey = null)
    {
        var outcome = await SignInAsync(gateway, userName, password, authenticatorKey);
        Assert.True(outcome.AccessToken is not null, $"{userName} could not sign in: {outcome.Refusal}");
        var client = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", outcome.AccessToken);
        return client;
    }

    /// <summary>The refresh grant: a new access token for the person, or the token endpoint's error.</summary>
    public static async Task<(string? AccessToken, string? Error)> RefreshAsync(Uri gateway, string refreshToken)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = ClientId, ["refresh_token"] = refreshToken,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return response.IsSuccessStatusCode ? (body!["access_token"]!.GetValue<string>(), null) : (null, body?["error"]?.GetValue<string>());
    }

    private static async Task<string> RedirectAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<(string Antiforgery, string ReturnUrl)> FormAsync(HttpClient browser, string path)
    {
        var page = await browser.GetStringAsync(path);
        return (Hidden(page, "__RequestVerificationToken"), Hidden(page, "returnUrl"));
    }

    private static string Hidden(string page, string name)
    {
        var match = Regex.Match(page, $"""<input[^>]*name="{Regex.Escape(name)}"[^>]*value="([^"]*)"|<input[^>]*value="([^"]*)"[^>]*name="{Regex.Escape(name)}" """.TrimEnd());
        Assert.True(match.Success, $"The page has no {name}: {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
    }

    private static string? Refusal(string page) => RefusalPattern().Match(page) is { Success: true } match ? match.Groups[1].Value : page;

    [GeneratedRegex("data-error=\"([a-z-]+)\"")]
    private static partial Regex RefusalPattern();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
