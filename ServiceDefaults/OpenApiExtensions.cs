using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using ProposalPlatform.ServiceDefaults;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

public static class OpenApiExtensions
{
    /// <summary>
    /// Each service's document describes the platform (info, contact) and, for every operation, the
    /// token and roles it needs and the refusals that follow from them.
    /// </summary>
    public static OpenApiOptions DescribePlatform(this OpenApiOptions options) => options
        .AddDocumentTransformer<PlatformDocumentTransformer>()
        .AddOperationTransformer<AuthorizationOperationTransformer>()
        .AddSchemaTransformer<OpenApiTextSchemaTransformer>();

    /// <summary>Serves the service's OpenAPI document at <c>/openapi/v1.json</c> and a reference UI at <c>/scalar</c>.</summary>
    public static WebApplication MapDefaultOpenApi(this WebApplication app)
    {
        // the documents describe the API, never its data: they are for anyone who may reach the service
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        return app;
    }
}
