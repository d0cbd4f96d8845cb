using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using ProposalPlatform.AppHost.Local;
using ProposalPlatform.AppHost.Replicas;
using ProposalPlatform.AppHost.Services;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.AppHost.Infrastructure;

public static class PlatformInfrastructureExtensions
{
    /// <summary>
    /// The platform's databases, one per service, each owned by a role of its own that the service
    /// connects as. A database whose service runs as a role other than its owner (an append-only store,
    /// say) is declared with <c>SeparateRuntimeRole: true</c>.
    /// </summary>
    public static readonly DatabaseDeclaration[] Databases =
    [
        new(ResourceNames.IntakeDatabase),
        new(ResourceNames.AssignmentDatabase),
        new(ResourceNames.ContactSchedulingDatabase),
        new(ResourceNames.ReplyDatabase),
        new(ResourceNames.IdentityDatabase),
        // the audit service may only append and read: its migrations run as the owner
        new(ResourceNames.AuditDatabase, SeparateRuntimeRole: true),
        // the reporting service appends to its event log and never changes it: the same
        new(ResourceNames.ReportingDatabase, SeparateRuntimeRole: true),
        new(ResourceNames.NotificationsDatabase),
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

        // the roles' passwords are kept with the platform's other secrets, whichever mode
        var secretsDirectory = options.Local.ResolveDataDirectory();
        return mode switch
        {
            InfrastructureMode.Containers => builder.AddContainerInfrastructure(secretsDirectory),
            InfrastructureMode.Local => builder.AddLocalInfrastructure(options.Local, Databases),
            InfrastructureMode.External => builder.AddExternalInfrastructure(options.External, secretsDirectory),
            _ => throw new InvalidOperationException($"Unknown infrastructure mode {mode}."),
        };
    }

    private static PlatformInfrastructure AddContainerInfrastructure(this IDistributedApplicationBuilder builder, string secretsDirectory)
    {
        var broker = builder.AddRabbitMQ(ResourceNames.Broker).WithManagementPlugin().WithDataVolume()
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", ServerTuning.RabbitMqErlangArguments);
        var server = builder.AddPostgres(ResourceNames.DatabaseServer).WithDataVolume()
            .WithArgs(ServerTuning.PostgresArguments);
        // the databases are the AppHost's to make, with their roles, as on a local server (not server.AddDatabase,
        // which would make them the superuser's)
        var databases = builder.AddProvisionedDatabases(
            new DatabaseServer(
                server.Resource,
                server.Resource.ConnectionStringExpression,
                ReferenceExpression.Create($"Host={server.Resource.Host};Port={server.Resource.Port}")),
            Databases,
            secretsDirectory);
        return new PlatformInfrastructure(InfrastructureMode.Containers, broker, databases);
    }

    /// <summary>
    /// Servers the deployment runs. A database with a connection string of its own
    /// (<c>ConnectionStrings:&lt;name&gt;</c>) is used as it is, with the deployment's roles; the others the
    /// AppHost makes, with their roles, through the administrative <c>ConnectionStrings:postgres</c>.
    /// </summary>
    private static PlatformInfrastructure AddExternalInfrastructure(
        this IDistributedApplicationBuilder builder, ExternalInfrastructureOptions options, string secretsDirectory)
    {
        var broker = builder.AddConnectionString(ResourceNames.Broker);
        string? Given(string name) => builder.Configuration.GetConnectionString(name) is { Length: > 0 } given ? options.WithTls(given) : null;

        var toMake = Databases.Where(database => Given(database.Name) is null).ToList();
        var made = toMake.Count == 0
            ? []
            : builder.AddProvisionedDatabases(
                ExternalServer(builder, Given(ResourceNames.DatabaseServer) ?? throw new InvalidOperationException(
                    $"Infrastructure mode external: set ConnectionStrings:{ResourceNames.DatabaseServer} (an administrative connection the AppHost makes the databases and their roles with) or ConnectionStrings:<database> for {string.Join(", ", toMake.Select(database => database.Name))}.")),
                toMake,
                secretsDirectory);
        var databases = Databases.ToDictionary(
            database => database.Name,
            database => Given(database.Name) is { } given
                ? builder.AddDeploymentDatabase(database.Name, given, Given(ResourceNames.MigrationsConnection(database.Name)))
                : made[database.Name]);
        return new PlatformInfrastructure(InfrastructureMode.External, broker, databases);
    }

    /// <summary>The deployment's server: the roles' connection strings keep the administrative one's host, port, TLS and other settings.</summary>
    private static DatabaseServer ExternalServer(IDistributedApplicationBuilder builder, string adminConnectionString)
    {
        var address = new NpgsqlConnectionStringBuilder(adminConnectionString);
        address.Remove("Username");
        address.Remove("Password");
        address.Remove("Database");
        var admin = builder.AddParameter($"{ResourceNames.DatabaseServer}-admin", adminConnectionString, secret: true);
        return new DatabaseServer(null, ReferenceExpression.Create($"{admin.Resource}"), ReferenceExpression.Create($"{address.ConnectionString}"));
    }

    /// <summary>Gives a service its broker and database, and holds it back until both answer.</summary>
    public static IResourceBuilder<PlatformServiceResource> WithPlatformInfrastructure(
        this IResourceBuilder<PlatformServiceResource> service, PlatformInfrastructure infrastructure, string databaseName)
    {
        service.WithReference(infrastructure.Broker).WithDatabase(infrastructure.Databases[databaseName]);
        if (infrastructure.Mode != InfrastructureMode.External)
        {
            service.WaitFor(infrastructure.Broker);
        }

        return service
            .WithEnvironment("MASSTRANSIT_USAGE_TELEMETRY", "false")
            .WithTelemetryChoices()
            .WithHttpHealthCheck("/health");
    }

    /// <summary>
    /// Lets a process that does not consume (the gateway, publishing its refusals; the identity service,
    /// relaying its outbox) publish its audit entries to the broker. It starts once the broker answers
    /// (its first entries have somewhere to go), but does not depend on it afterwards: a request is
    /// served while the broker is away.
    /// </summary>
    public static IResourceBuilder<PlatformServiceResource> WithAuditOverBroker(
        this IResourceBuilder<PlatformServiceResource> service, PlatformInfrastructure infrastructure)
    {
        service.WithReference(infrastructure.Broker).WithEnvironment("MASSTRANSIT_USAGE_TELEMETRY", "false");
        return infrastructure.Mode == InfrastructureMode.External ? service : service.WaitFor(infrastructure.Broker);
    }

    /// <summary>Gives the identity service its database, and holds it back until the database answers.</summary>
    public static IResourceBuilder<PlatformServiceResource> WithIdentityDatabase(
        this IResourceBuilder<PlatformServiceResource> service, PlatformInfrastructure infrastructure) =>
        service.WithDatabase(infrastructure.Databases[ResourceNames.IdentityDatabase])
            .WithTelemetryChoices()
            .WithHttpHealthCheck("/health");

    /// <summary>
    /// The service checks every caller's token itself: it learns the identity service's signing keys
    /// from it directly and accepts the tokens issued for <paramref name="issuer"/>, the gateway's address.
    /// </summary>
    public static IResourceBuilder<PlatformServiceResource> CheckingTokensOf(
        this IResourceBuilder<PlatformServiceResource> service, ServiceCopies identity, ReferenceExpression issuer) =>
        service.WithReference(identity).WithEnvironment("Identity__Issuer", issuer);

    /// <summary>
    /// For a service that keeps its own records of every item but is not on the path by which an item
    /// is taken in and assigned (contact scheduling, reply): on a host the services share, it runs at a
    /// lower CPU priority (nice 10), so that a flood of items is taken in and assigned first and its
    /// records follow a moment later. Where it has cores of its own this changes nothing.
    /// </summary>
    public static IResourceBuilder<PlatformServiceResource> GivingWayToTheItemPath(this IResourceBuilder<PlatformServiceResource> service) =>
        service.WithEnvironment("Hosting__Niceness", "10");

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
    public static IResourceBuilder<PlatformServiceResource> WithTelemetryChoices(this IResourceBuilder<PlatformServiceResource> service)
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
