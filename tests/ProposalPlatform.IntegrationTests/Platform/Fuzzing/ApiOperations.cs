using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ProposalPlatform.IntegrationTests.Platform.Fuzzing;

/// <summary>One operation of a service's OpenAPI document, as the fuzz suite reads it.</summary>
public sealed record ApiOperation(string Document, HttpMethod Method, string Path, OpenApiOperation Operation)
{
    public string Id => Operation.OperationId ?? $"{Method} {Path}";

    public IEnumerable<IOpenApiParameter> Parameters(ParameterLocation location) =>
        (Operation.Parameters ?? []).Where(p => p.In == location);

    /// <summary>The body's media types and their schemas; empty for an operation without a body.</summary>
    public IDictionary<string, OpenApiMediaType> Body => Operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>();

    public bool BodyRequired => Operation.RequestBody?.Required ?? false;

    /// <summary>The answers the document lists for the operation: a valid request may get these and no others.</summary>
    public IReadOnlySet<int> Documented =>
        (Operation.Responses ?? []).Keys.Select(k => int.TryParse(k, CultureInfo.InvariantCulture, out var status) ? status : 0).ToHashSet();

    /// <summary>The roles of which a caller needs one (the document's <c>x-required-roles</c>); none for the protocol's own endpoints.</summary>
    public IReadOnlyList<string> Roles =>
        Operation.Extensions?.TryGetValue("x-required-roles", out var roles) is true && roles is JsonNodeExtension { Node: JsonArray names }
            ? [.. names.Select(n => n!.GetValue<string>())]
            : [];

    /// <summary>Called with an access token: the platform's own API, not the sign-in protocol's endpoints.</summary>
    public bool NeedsToken => Operation.Security is { Count: > 0 };

    public override string ToString() => $"{Method} {Path} ({Id})";
}

/// <summary>The services' OpenAPI documents as the gateway serves them, read with Microsoft.OpenApi.</summary>
public static class ApiDocuments
{
    public static readonly string[] Names = ["intake", "assignment", "contactscheduling", "reply", "identity", "audit", "reporting", "notifications"];

    public static async Task<IReadOnlyList<ApiOperation>> OperationsAsync(HttpClient gateway)
    {
        var operations = new List<ApiOperation>();
        foreach (var name in Names)
        {
            var text = await gateway.GetStringAsync($"/openapi/{name}/v1.json");
            var read = OpenApiDocument.Parse(text, OpenApiConstants.Json);
            if (read.Document is not { } document || read.Diagnostic?.Errors is { Count: > 0 })
            {
                throw new InvalidOperationException(
                    $"{name}'s OpenAPI document could not be read: {string.Join("; ", read.Diagnostic?.Errors.Select(e => e.ToString()) ?? [])}");
            }

            foreach (var (path, item) in document.Paths ?? [])
            {
                foreach (var (method, operation) in item.Operations ?? [])
                {
                    operations.Add(new ApiOperation(name, method, path, operation));
                }
            }
        }

        return operations;
    }
}
