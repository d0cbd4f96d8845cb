using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProposalPlatform.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

public static class ProblemDetailsDefaults
{
    /// <summary>Every error leaves a service as ProblemDetails: never a bare status or a stack trace.</summary>
    public static TBuilder AddProblemDetailsDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context =>
                context.ProblemDetails.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.TraceId.ToString()));
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Malformed JSON and unbindable parameters become exceptions the handler turns into a 400 ProblemDetails.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    public static WebApplication UseProblemDetailsDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
