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
            {
                context.ProblemDetails.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.TraceId.ToString());
                context.ProblemDetails.Detail ??= DetailOf(context.ProblemDetails.Status);
            });
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // every string of every JSON body is plain text, or the request is a 400 naming the field
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new PlainTextJsonConverter()));
        // Malformed JSON and unbindable parameters become exceptions the handler turns into a 400 ProblemDetails.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>What the framework's bare refusals mean for the caller.</summary>
    private static string? DetailOf(int? status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this operation takes; an assigning office's whole batch goes to /api/intake/batches.",
        StatusCodes.Status414UriTooLong => "The request's address is too long.",
        StatusCodes.Status415UnsupportedMediaType => "The body's media type is not one this operation takes: send application/json (batches also take text/csv).",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "The request's headers are too large.",
        StatusCodes.Status405MethodNotAllowed => "This address does not take that method.",
        _ => null,
    };

    public static WebApplication UseProblemDetailsDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            if (PlainTextRequests.FirstForbiddenPart(context.Request) is { } bad)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [bad.Field] = [bad.Message] })
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "The request is not valid.",
                    },
                });
                return;
            }

            await next();
        });
        return app;
    }
}
