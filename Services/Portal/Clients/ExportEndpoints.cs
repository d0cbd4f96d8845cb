using Microsoft.AspNetCore.Http.HttpResults;
using ProposalPlatform.Portal.Authentication;

namespace ProposalPlatform.Portal.Clients;

/// <summary>
/// The spreadsheets a page offers for download: the browser asks the portal, which asks the API with the
/// person's own token and passes the file on as it comes (the API decides what the person may have).
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
        return app;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult, UnauthorizedHttpResult>> ExportAsync(
        string report, HttpContext http, PortalTokens tokens, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        if (!Exports.TryGetValue(report, out var api))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "没有这种导出。");
        }

        if (await tokens.AccessTokenAsync(http.User, cancellationToken) is not { } token)
        {
            return TypedResults.Unauthorized();
        }

        var query = string.Join("&", Parameters
            .Where(p => http.Request.Query.ContainsKey(p))
            .Select(p => $"{p}={Uri.EscapeDataString(http.Request.Query[p].ToString())}"));
        var request = new HttpRequestMessage(HttpMethod.Get, $"{api}?{query}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await clients.CreateClient(GatewayApi.ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        http.Response.RegisterForDispose(response);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(cancellationToken);
            return TypedResults.Problem(statusCode: (int)response.StatusCode, title: problem?.Title, detail: problem?.Detail);
        }

        return TypedResults.Stream(await response.Content.ReadAsStreamAsync(cancellationToken),
            response.Content.Headers.ContentType?.ToString(), response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName ?? $"{report}");
    }
}
