using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Authorization;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

public static class OpenApiExtensions
{
    /// <summary>Serves the service's OpenAPI document at <c>/openapi/v1.json</c> and a reference UI at <c>/scalar</c>.</summary>
    public static WebApplication MapDefaultOpenApi(this WebApplication app)
    {
        // the documents describe the API, never its data: they are for anyone who may reach the service
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        return app;
    }
}
