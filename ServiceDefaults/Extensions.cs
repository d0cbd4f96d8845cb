using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every service of the platform shares: telemetry to the Aspire dashboard, health checks,
/// service discovery, resilient HTTP clients, ProblemDetails for every error, OpenAPI.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";

    /// <summary>Activity sources and meters of the platform's own code and of the libraries it uses.</summary>
    public static readonly string[] TelemetrySources = ["MassTransit", "ProposalPlatform.*", "Npgsql"];

    /// <summary>New traces a service keeps a second at most, unless configured otherwise.</summary>
    public const double DefaultNewTracesPerSecond = 2;

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ProcessPriority.Lower(builder.Configuration.GetValue<int>(ProcessPriority.Setting));
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.AddProblemDetailsDefaults();
        builder.Services.AddOpenApi(options => options.DescribePlatform());
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // A stop flushes telemetry; with the exporter's default 10 s timeout a stop takes that long
        // whenever the dashboard has gone first.
        builder.Configuration["OTEL_EXPORTER_OTLP_TIMEOUT"] ??= "1000";

        // Npgsql logs every command it executes at Information: on a hot path that is most of the
        // service's work, and it would bury the dashboard's structured logs.
        builder.Logging.AddFilter("Npgsql", LogLevel.Warning);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetrySources))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(TelemetrySources)
                .AddAspNetCoreInstrumentation(options =>
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                .AddHttpClientInstrumentation());

        // The operations team may choose otherwise (OTEL_TRACES_SAMPLER, which the SDK reads);
        // unless it does, a service keeps at most Telemetry:NewTracesPerSecond new traces a second.
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_TRACES_SAMPLER"]))
        {
            var perSecond = builder.Configuration.GetValue("Telemetry:NewTracesPerSecond", DefaultNewTracesPerSecond);
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing =>
                tracing.SetSampler(new ParentBasedSampler(new TraceBudgetSampler(perSecond))));
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>Maps <c>/health</c> (ready: every check, database and broker included) and <c>/alive</c> (liveness).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // the orchestrator and the gateway's probes ask without a token; the answers name no item or person
        app.MapHealthChecks(HealthEndpointPath).AllowAnonymous();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") }).AllowAnonymous();
        return app;
    }
}
