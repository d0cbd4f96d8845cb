using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using ProposalPlatform.Portal.Authentication;

namespace ProposalPlatform.Portal.Clients;

/// <summary>An API's refusal as the portal shows it: its title and detail, and the message of each field it names.</summary>
public sealed class ApiProblem(HttpStatusCode status, string title, string? detail, IReadOnlyDictionary<string, string[]> errors)
    : Exception(detail is null ? title : $"{title} {detail}")
{
    public HttpStatusCode Status { get; } = status;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>The problem as the platform sent it, for what a page follows beyond its text (a batch's <c>finishedByIntake</c>, <c>batchId</c>).</summary>
    public JsonObject? Body { get; init; }

    /// <summary>The signed-in person's session has no token any more: the portal has sent them to sign in again.</summary>
    public bool SignInAgain => Status == HttpStatusCode.Unauthorized;

    /// <summary>What the page shows when no field is named: the title, and the detail when it adds something.</summary>
    public string Summary => Errors.Count == 0 && Detail is { } detail ? $"{Title} {detail}" : Title;

    /// <summary>For a page with no form to place field messages on: the fields' messages in one line, or the summary.</summary>
    public string Sentence => Errors.Count > 0 ? string.Join(" ", Errors.SelectMany(e => e.Value)) : Summary;
}

/// <summary>
/// The platform's APIs through the gateway, with the signed-in person's own token: what the portal may
/// show or do is what the services allow that person, nothing more. Scoped to the person's circuit.
/// A session whose token has run out is sent to sign in again, back to the page it was on.
/// </summary>
public sealed class GatewayApi(
    HttpClient http, IHttpClientFactory clients, AuthenticationStateProvider authentication, PortalTokens tokens, NavigationManager navigation)
{
    /// <summary>The gateway as a plain named client, for what runs outside a circuit: the token endpoint, the exports' downloads.</summary>
    public const string ClientName = "gateway";

    /// <summary>
    /// The gateway for uploads: a whole session's batch is answered when intake has read it all, which
    /// takes minutes, and is never sent twice by a retry (the person sends it again, and intake goes on).
    /// </summary>
    public const string UploadClientName = "gateway-uploads";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(request, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new ApiProblem(response.StatusCode, ChineseMessages.Show("The answer was empty."), null, new Dictionary<string, string[]>());
    }

    public Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken = default) =>
        SendJsonAsync<T>(HttpMethod.Post, path, JsonContent.Create(body, options: Json), cancellationToken);

    public Task<T> PutAsync<T>(string path, object body, CancellationToken cancellationToken = default) =>
        SendJsonAsync<T>(HttpMethod.Put, path, JsonContent.Create(body, options: Json), cancellationToken);

    /// <summary>Posts a file or any other content as it is (a batch upload sends the office's file unchanged).</summary>
    public Task<T> PostAsync<T>(string path, HttpContent content, CancellationToken cancellationToken = default) =>
        SendJsonAsync<T>(HttpMethod.Post, path, content, cancellationToken, clients.CreateClient(UploadClientName));

    /// <summary>Removes what the path names; the API answers with no content.</summary>
    public async Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        using var response = await SendAsync(request, cancellationToken);
    }

    private async Task<T> SendJsonAsync<T>(HttpMethod method, string path, HttpContent content, CancellationToken cancellationToken, HttpClient? through = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await SendAsync(request, cancellationToken, through);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new ApiProblem(response.StatusCode, ChineseMessages.Show("The answer was empty."), null, new Dictionary<string, string[]>());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, HttpClient? through = null)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (await tokens.AccessTokenAsync(user, cancellationToken) is not { } token)
        {
            throw SignInAgain();
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await (through ?? http).SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw response.StatusCode == HttpStatusCode.Unauthorized ? SignInAgain() : await ProblemOfAsync(response, cancellationToken);
        }
    }

    private ApiProblem SignInAgain()
    {
        navigation.SignIn();
        return new ApiProblem(HttpStatusCode.Unauthorized, "请重新登录。", null, new Dictionary<string, string[]>());
    }

    private static async Task<ApiProblem> ProblemOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        JsonNode? problem = null;
        try
        {
            problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (JsonException)
        {
            // not a ProblemDetails: the status says it
        }

        // the services say it in English; the person reads it in their own language (the field names stay the API's, for FormProblem)
        var errors = problem?["errors"]?.AsObject().ToDictionary(
            e => e.Key, e => e.Value?.AsArray().Select(m => ChineseMessages.Show(m?.GetValue<string>() ?? "")).ToArray() ?? []) ?? [];
        return new ApiProblem(response.StatusCode, ChineseMessages.Show(problem?["title"]?.GetValue<string>() ?? response.ReasonPhrase ?? "The request failed."),
            ChineseMessages.Show(problem?["detail"]?.GetValue<string>()), errors) { Body = problem as JsonObject };
    }
}
