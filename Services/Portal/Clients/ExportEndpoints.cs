using Microsoft.AspNetCore.Http.HttpResults;
using ProposalPlatform.Portal.Authentication;

namespace ProposalPlatform.Portal.Clients;

/// <summary>
/// The files a page offers for download, the spreadsheets and the reply letters: the browser asks the
/// portal, which asks the API with the person's own token and passes the file on as it comes (the API
/// decides what the person may have).
/// </summary>
public static class ExportEndpoints
{
    /// <summary>The exports a page may link to, and the API each is; nothing else is passed through.</summary>
    private static readonly Dictionary<string, string> Exports = new(StringComparer.Ordinal)
    {
        ["statistics"] = "api/reporting/statistics/annual/export",
        ["scores"] = "api/reporting/scores/export",
        ["register"] = "api/intake/proposals/export",
        ["audit"] = "api/audit/records/export",
    };

    private static readonly string[] Parameters = ["year", "kind", "term", "meeting", "unit", "format", "sessionYear", "status", "q", "handlingMode", "topic",
        "itemId", "actor", "operation", "outcome", "service", "from", "to"];

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/{report}", ExportAsync).RequireAuthorization();
        app.MapGet("/letters/{itemId:guid}", (Guid itemId, int? round, HttpContext http, PortalTokens tokens, IHttpClientFactory clients, CancellationToken cancellationToken) =>
            ForwardAsync($"api/replies/{itemId}/letter{RoundQuery(round)}", "letter.pdf", http, tokens, clients, cancellationToken)).RequireAuthorization();
        app.MapGet("/letters/{itemId:guid}/public", (Guid itemId, int? round, HttpContext http, PortalTokens tokens, IHttpClientFactory clients, CancellationToken cancellationToken) =>
            ForwardAsync($"api/replies/{itemId}/letter/public{RoundQuery(round)}", "letter.pdf", http, tokens, clients, cancellationToken)).RequireAuthorization();
        return app;
    }

    /// <summary>The address of an item's reply letter (the latest reply's, or round <paramref name="round"/>'s), or of its public version.</summary>
    public static string LetterOf(Guid itemId, int round, bool publicVersion) => $"letters/{itemId}{(publicVersion ? "/public" : "")}?round={round}";

    private static string RoundQuery(int? round) => round is { } r ? $"?round={r}" : "";

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult, UnauthorizedHttpResult>> ExportAsync(
        string report, HttpContext http, PortalTokens tokens, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        if (!Exports.TryGetValue(report, out var api))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "没有这种导出。");
        }

        var query = string.Join("&", Parameters
            .Where(p => http.Request.Query.ContainsKey(p))
            .Select(p => $"{p}={Uri.EscapeDataString(http.Request.Query[p].ToString())}"));
        return await ForwardAsync($"{api}?{query}", report, http, tokens, clients, cancellationToken);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult, UnauthorizedHttpResult>> ForwardAsync(
        string api, string fileName, HttpContext http, PortalTokens tokens, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        if (await tokens.AccessTokenAsync(http.User, cancellationToken) is not { } token)
        {
            return TypedResults.Unauthorized();
        }

        var request = new HttpRequestMessage(HttpMethod.Get, api);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await clients.CreateClient(GatewayApi.ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        http.Response.RegisterForDispose(response);
        if (!response.IsSuccessStatusCode)
        {
            var problem = response.Content.Headers.ContentLength != 0
                ? await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(cancellationToken)
                : null;
            return TypedResults.Problem(statusCode: (int)response.StatusCode, title: problem?.Title, detail: problem?.Detail);
        }

        // a letter's SHA-256, for whoever checks the file they saved
        if (response.Headers.TryGetValues("Repr-Digest", out var digest))
        {
            http.Response.Headers["Repr-Digest"] = digest.ToArray();
        }

        if (response.Headers.CacheControl is { } cacheControl)
        {
            http.Response.Headers.CacheControl = cacheControl.ToString();
        }

        return TypedResults.Stream(await response.Content.ReadAsStreamAsync(cancellationToken),
            response.Content.Headers.ContentType?.ToString(), response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName ?? fileName);
    }
}
