using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.ServiceDefaults;
using Scalar.AspNetCore;
using Yarp.ReverseProxy.Forwarder;

namespace ProposalPlatform.Gateway;

public static class GatewayExtensions
{
    /// <summary>
    /// A service that is down or does not answer in time becomes a ProblemDetails naming it,
    /// instead of YARP's empty 502/504.
    /// </summary>
    public static IReverseProxyApplicationBuilder UseProblemDetailsForForwarderErrors(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            InterruptedBatches.Watch(context);
            await next();

            var error = context.GetForwarderErrorFeature();
            if (error is null || context.Response.HasStarted)
            {
                return;
            }

            var service = context.GetReverseProxyFeature().Route.Config.ClusterId ?? "the service";
            if (error.Exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                // the client's body outgrew the route's limit while the gateway was passing it on
                await PlatformProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
                    $"The body is larger than {service}'s operations take here ({context.GetReverseProxyFeature().Route.Config.MaxRequestBodySize / (1024 * 1024)} MiB); an assigning office's whole batch goes to /api/intake/batches. Nothing was changed.");
                return;
            }

            var timedOut = error.Error is ForwarderError.RequestTimedOut;
            var status = timedOut ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status503ServiceUnavailable;
            context.Response.StatusCode = status;
            // a service down is restarted by its supervisor within seconds: the client waits that long, not its own guess
            context.Response.Headers.RetryAfter = ((int)ProblemDetailsExceptionHandler.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var title = timedOut ? $"The {service} service did not answer in time." : $"The {service} service is unavailable.";
            var forwarded = $"The gateway could not forward the request to {service} ({error.Error}).";
            var problem = InterruptedBatches.IsUpload(context.Request) && !NeverSent(error.Error, error.Exception)
                // a batch that reached intake: what it kept, and whether intake finishes it by itself
                ? await InterruptedBatches.ProblemAsync(context, title, forwarded, status)
                : new ProblemDetails { Status = status, Title = title, Detail = $"{forwarded} {WhatChanged(context.Request, error.Error, error.Exception)}" };
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = problem,
            });
        });
        return proxy;
    }

    /// <summary>
    /// Whether a request the gateway could not see through may have changed something: only one that
    /// never reached the service certainly did not. (A batch upload that reached intake is told of by
    /// <see cref="InterruptedBatches"/>.)
    /// </summary>
    public static string WhatChanged(HttpRequest request, ForwarderError error, Exception? exception)
    {
        var neverSent = NeverSent(error, exception);
        if (neverSent || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return neverSent ? "The request did not reach it: nothing was changed; retry later." : "Retry later.";
        }

        return "The service may have done the request before it stopped answering: look before sending it again.";
    }

    private static bool NeverSent(ForwarderError error, Exception? exception) =>
        error is ForwarderError.NoAvailableDestinations || exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };

    /// <summary>
    /// The gateway's own OpenAPI reference: Scalar over each service's document, from the package's
    /// embedded script (no bundle URL: nothing is loaded from a CDN, nor fonts, nor telemetry). A
    /// reader authorizes with the documents' OAuth 2.0 scheme: client credentials with a client id and
    /// secret issued by the proposal office, or a pasted bearer token. The authorization code flow is
    /// set up for platform-cli with PKCE, but platform-cli is registered with its own loopback
    /// redirect address only, so from the reference page client credentials is the flow that works.
    /// </summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapScalarApiReference(options =>
        {
            options.WithTitle("ProposalPlatform API")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                // its toolbar offers the vendor's cloud (share, SDK generation, deployment): nothing for a closed network
                .HideDeveloperTools()
                .AddPreferredSecuritySchemes(OpenApiSecuritySchemes.OAuth2, OpenApiSecuritySchemes.Bearer)
                .AddClientCredentialsFlow(OpenApiSecuritySchemes.OAuth2, flow => flow
                    .WithTokenUrl(OpenApiSecuritySchemes.TokenPath)
                    .WithSelectedScopes(OpenApiSecuritySchemes.ApiScope))
                .AddAuthorizationCodeFlow(OpenApiSecuritySchemes.OAuth2, flow => flow
                    .WithAuthorizationUrl(OpenApiSecuritySchemes.AuthorizationPath)
                    .WithTokenUrl(OpenApiSecuritySchemes.TokenPath)
                    .WithClientId(PlatformClaims.PlatformCliClientId)
                    .WithPkce(Pkce.Sha256)
                    .WithSelectedScopes(OpenApiSecuritySchemes.ApiScope));
            foreach (var (service, title, _) in GatewayRoutes.Services)
            {
                options.AddDocument(service, title, $"/openapi/{service}/v1.json", isDefault: service == GatewayRoutes.Services[0].Service);
            }
        }).AllowAnonymous();
        return app;
    }

}
