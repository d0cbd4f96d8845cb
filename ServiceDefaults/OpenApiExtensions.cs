using Microsoft.AspNetCore.Builder;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

public static class OpenApiExtensions
{
    /// <summary>Serves the service's OpenAPI document at <c>/openapi/v1.json</c> and a reference UI at <c>/scalar</c>.</summary>
    public static WebApplication MapDefaultOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }
}
