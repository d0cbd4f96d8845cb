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
        ResourceNames.IdentityDatabase,
        ResourceNames.AuditDatabase,
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

        if (mode != InfrastructureMode.Containers)
        {
            ContainerRuntime.LeaveUnwatched(builder.Configuration);
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
            .ServedDirectly()
            .WithEnvironment("MASSTRANSIT_USAGE_TELEMETRY", "false")
            .WithTelemetryChoices()
            .WithHttpHealthCheck("/health");
    }

    /// <summary>
    /// Lets a process without an outbox (the gateway, the identity service) publish its audit entries to
    /// the broker. It does not wait for the broker: a request is served while the broker is away.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithAuditOverBroker(
        this IResourceBuilder<ProjectResource> service, PlatformInfrastructure infrastructure) =>
        service.WithReference(infrastructure.Broker).WithEnvironment("MASSTRANSIT_USAGE_TELEMETRY", "false");

    /// <summary>Gives the identity service its database, and holds it back until the database answers.</summary>
    public static IResourceBuilder<ProjectResource> WithIdentityDatabase(
        this IResourceBuilder<ProjectResource> service, PlatformInfrastructure infrastructure)
    {
        var database = infrastructure.Databases[ResourceNames.IdentityDatabase];
        service.WithReference(database);
        if (infrastructure.Mode != InfrastructureMode.External)
        {
            service.WaitFor(database);
        }

        return service
            .ServedDirectly()
            .WithTelemetryChoices()
            .WithHttpHealthCheck("/health");
    }

    /// <summary>
    /// The service checks every caller's token itself: it learns the identity service's signing keys
    /// from it directly and accepts the tokens issued for <paramref name="issuer"/>, the gateway's address.
    /// </summary>
    public static IResourceBuilder<ProjectResource> CheckingTokensOf(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<ProjectResource> identity, ReferenceExpression issuer) =>
        service.WithReference(identity).WithEnvironment("Identity__Issuer", issuer);

    /// <summary>
    /// For a service that keeps its own records of every item but is not on the path by which an item
    /// is taken in and assigned (contact scheduling, reply): on a host the services share, it runs at a
    /// lower CPU priority (nice 10), so that a flood of items is taken in and assigned first and its
    /// records follow a moment later. Where it has cores of its own this changes nothing.
    /// </summary>
    public static IResourceBuilder<ProjectResource> GivingWayToTheItemPath(this IResourceBuilder<ProjectResource> service) =>
        service.WithEnvironment("Hosting__Niceness", "10");

    /// <summary>
    /// The service listens on its own port (its launch profile's) instead of behind the proxy the
    /// orchestrator would put in front of it: every request through the gateway crossed that proxy
    /// twice, which cost time and CPU on every item.
    /// </summary>
    public static IResourceBuilder<ProjectResource> ServedDirectly(this IResourceBuilder<ProjectResource> service) =>
        service.WithEndpoint("http", endpoint => endpoint.IsProxied = false);

    /// <summary>
    /// The telemetry settings the operations team may give the AppHost, each passed on to every
    /// service as the variable it reads, and the platform's choice where none is given (null: none,
    /// which also takes away what Aspire sets itself).
    /// </summary>
    private static readonly (string Setting, string Variable, string? Default)[] TelemetryChoices =
    [
        // Aspire gives every project always_on; a service without a sampler keeps within its budget
        ("OTEL_TRACES_SAMPLER", "OTEL_TRACES_SAMPLER", null),
        ("OTEL_TRACES_SAMPLER_ARG", "OTEL_TRACES_SAMPLER_ARG", null),
        ("Telemetry:NewTracesPerSecond", "Telemetry__NewTracesPerSecond", null),
        // Aspire has every project export its metrics each second, for quick feedback while
        // developing; the dashboard's work grows with it. Every 5 s is enough to watch the platform.
        ("OTEL_METRIC_EXPORT_INTERVAL", "OTEL_METRIC_EXPORT_INTERVAL", "5000"),
    ];

    /// <summary>
    /// How many traces are kept is the operations team's choice: <c>OTEL_TRACES_SAMPLER</c> and
    /// <c>OTEL_TRACES_SAMPLER_ARG</c> given to the AppHost (e.g. <c>parentbased_traceidratio</c> and
    /// <c>0.1</c>, or <c>parentbased_always_on</c> to keep every trace) reach every service, so one trace
    /// is kept or dropped whole. Unset: each service keeps every new trace up to 2 a second, and 2 a
    /// second beyond (<c>TraceBudgetSampler</c>, <c>Telemetry:NewTracesPerSecond</c>). Metrics are
    /// exported every 5 s unless <c>OTEL_METRIC_EXPORT_INTERVAL</c> says otherwise.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTelemetryChoices(this IResourceBuilder<ProjectResource> service)
    {
        var configuration = service.ApplicationBuilder.Configuration;
        return service.WithEnvironment(context =>
        {
            foreach (var (setting, variable, fallback) in TelemetryChoices)
            {
                if ((configuration[setting] is { Length: > 0 } given ? given : fallback) is { } value)
                {
                    context.EnvironmentVariables[variable] = value;
                }
                else
                {
                    context.EnvironmentVariables.Remove(variable);
                }
            }
        });
    }
}
