using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ProposalPlatform.AppHost.Local;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.AppHost.Infrastructure;

public static class PlatformInfrastructureExtensions
{
    public static readonly string[] DatabaseNames =
    [
        ResourceNames.IntakeDatabase,
        ResourceNames.AssignmentDatabase,
        ResourceNames.ContactSchedulingDatabase,
        ResourceNames.ReplyDatabase,
    ];

    /// <summary>The broker and one database per service, provided as <c>Infrastructure:Mode</c> says.</summary>
    public static PlatformInfrastructure AddPlatformInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Infrastructure").Get<InfrastructureOptions>() ?? new InfrastructureOptions();
        var mode = options.Mode;
        if (mode == InfrastructureMode.Auto)
        {
            mode = ContainerRuntime.Answers(TimeSpan.FromSeconds(10)) ? InfrastructureMode.Containers : InfrastructureMode.Local;
        }

        using (var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole()))
        {
            loggerFactory.CreateLogger("ProposalPlatform.AppHost").LogInformation(
                "Infrastructure mode {Mode} (configured {Configured})", mode, options.Mode);
        }

        return mode switch
        {
            InfrastructureMode.Containers => builder.AddContainerInfrastructure(),
            InfrastructureMode.Local => builder.AddLocalInfrastructure(options.Local, DatabaseNames),
            InfrastructureMode.External => builder.AddExternalInfrastructure(),
            _ => throw new InvalidOperationException($"Unknown infrastructure mode {mode}."),
        };
    }

    private static PlatformInfrastructure AddContainerInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var broker = builder.AddRabbitMQ(ResourceNames.Broker).WithManagementPlugin().WithDataVolume()
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", ServerTuning.RabbitMqErlangArguments);
        var server = builder.AddPostgres(ResourceNames.DatabaseServer).WithDataVolume()
            .WithArgs(ServerTuning.PostgresArguments);
        var databases = DatabaseNames.ToDictionary(
            name => name,
            name => (IResourceBuilder<IResourceWithConnectionString>)server.AddDatabase(name));
        return new PlatformInfrastructure(InfrastructureMode.Containers, broker, databases);
    }

    private static PlatformInfrastructure AddExternalInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var broker = builder.AddConnectionString(ResourceNames.Broker);
        var databases = DatabaseNames.ToDictionary(name => name, name => builder.AddConnectionString(name));
        return new PlatformInfrastructure(InfrastructureMode.External, broker, databases);
    }

    /// <summary>Gives a service its broker and database, and holds it back until both answer.</summary>
    public static IResourceBuilder<ProjectResource> WithPlatformInfrastructure(
        this IResourceBuilder<ProjectResource> service, PlatformInfrastructure infrastructure, string databaseName)
    {
        var database = infrastructure.Databases[databaseName];
        service.WithReference(infrastructure.Broker).WithReference(database);
        if (infrastructure.Mode != InfrastructureMode.External)
        {
            service.WaitFor(infrastructure.Broker).WaitFor(database);
        }

        return service
            .WithEnvironment("MASSTRANSIT_USAGE_TELEMETRY", "false")
            .WithTraceSampling()
            .WithHttpHealthCheck("/health");
    }

    /// <summary>
    /// How many traces are kept is the operations team's choice: <c>OTEL_TRACES_SAMPLER</c> and
    /// <c>OTEL_TRACES_SAMPLER_ARG</c> given to the AppHost (e.g. <c>parentbased_traceidratio</c> and
    /// <c>0.1</c>, or <c>parentbased_always_on</c> to keep every trace) reach every service, so one trace
    /// is kept or dropped whole. Unset: each service keeps every new trace up to 2 a second, and 2 a
    /// second beyond (<c>TraceBudgetSampler</c>).
    /// </summary>
    private const string MetricExportIntervalMilliseconds = "5000";

    public static IResourceBuilder<ProjectResource> WithTraceSampling(this IResourceBuilder<ProjectResource> service)
    {
        var configuration = service.ApplicationBuilder.Configuration;
        return service.WithEnvironment(context =>
        {
            foreach (var name in (string[])["OTEL_TRACES_SAMPLER", "OTEL_TRACES_SAMPLER_ARG"])
            {
                // Aspire gives every project always_on; only the operations team's choice is passed on
                if (configuration[name] is { Length: > 0 } value)
                {
                    context.EnvironmentVariables[name] = value;
                }
                else
                {
                    context.EnvironmentVariables.Remove(name);
                }
            }

            if (configuration["Telemetry:NewTracesPerSecond"] is { Length: > 0 } perSecond)
            {
                context.EnvironmentVariables["Telemetry__NewTracesPerSecond"] = perSecond;
            }

            // Aspire has every project export its metrics each second, for quick feedback while
            // developing; the dashboard's work grows with it. Every 5 s is enough to watch the platform.
            context.EnvironmentVariables["OTEL_METRIC_EXPORT_INTERVAL"] = configuration["OTEL_METRIC_EXPORT_INTERVAL"] is { Length: > 0 } interval
                ? interval
                : MetricExportIntervalMilliseconds;
        });
    }
}
