using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using ProposalPlatform.AppHost.Infrastructure;
using ProposalPlatform.AppHost.SelfHealing;
using ProposalPlatform.Contracts;
using RabbitMQ.Client;

namespace ProposalPlatform.AppHost.Local;

public static class LocalInfrastructureExtensions
{
    private static string ScriptsDirectory => Path.Combine(AppContext.BaseDirectory, "Local");

    /// <summary>
    /// RabbitMQ and PostgreSQL as processes of this machine, with their data in
    /// <see cref="LocalInfrastructureOptions.DataDirectory"/> so that they survive a restart.
    /// </summary>
    public static PlatformInfrastructure AddLocalInfrastructure(
        this IDistributedApplicationBuilder builder, LocalInfrastructureOptions options, IEnumerable<DatabaseDeclaration> databaseDeclarations)
    {
        var dataDirectory = options.ResolveDataDirectory();
        Directory.CreateDirectory(dataDirectory);

        var broker = builder.AddLocalRabbitMq(ResourceNames.Broker, options, Path.Combine(dataDirectory, "rabbitmq"));
        var server = builder.AddLocalPostgres(ResourceNames.DatabaseServer, options, dataDirectory);
        // it listens on loopback only, without TLS: nothing between the services and it leaves the machine
        var endpoint = server.Resource.TcpEndpoint;
        var databases = builder.AddProvisionedDatabases(
            new DatabaseServer(
                server.Resource,
                server.Resource.ConnectionStringExpression,
                ReferenceExpression.Create($"Host={endpoint.Property(EndpointProperty.IPV4Host)};Port={endpoint.Property(EndpointProperty.Port)}")),
            databaseDeclarations,
            dataDirectory);

        return new PlatformInfrastructure(InfrastructureMode.Local, broker, databases);
    }

    private static IResourceBuilder<LocalRabbitMqResource> AddLocalRabbitMq(
        this IDistributedApplicationBuilder builder, string name, LocalInfrastructureOptions options, string dataDirectory)
    {
        var resource = new LocalRabbitMqResource(name, "bash", ScriptsDirectory);
        var healthCheck = $"{name}-amqp";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async cancellationToken =>
        {
            try
            {
                var factory = new ConnectionFactory { Uri = new Uri(await resource.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? "") };
                await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                return connection.IsOpen ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The AMQP connection did not open.");
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy(ex.Message, ex);
            }
        });

        return builder.AddResource(resource)
            .WithArgs(Path.Combine(ScriptsDirectory, "rabbitmq.sh"))
            .WithEndpoint(port: options.RabbitMqPort, targetPort: options.RabbitMqPort, scheme: "tcp", name: LocalRabbitMqResource.AmqpEndpointName, env: "RABBITMQ_NODE_PORT", isProxied: false)
            .WithEndpoint(port: options.RabbitMqManagementPort, targetPort: options.RabbitMqManagementPort, scheme: "http", name: "management", env: "RABBITMQ_MANAGEMENT_PORT", isProxied: false)
            .WithEnvironment("RABBITMQ_DATA_DIR", dataDirectory)
            .WithEnvironment("RABBITMQ_DIST_PORT", options.RabbitMqDistributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("ERL_EPMD_PORT", options.EpmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithAnnotation(new OwnedPortAnnotation("distribution", options.RabbitMqDistributionPort))
            .WithAnnotation(new OwnedPortAnnotation("epmd", options.EpmdPort))
            // a stable node name: RabbitMQ keeps its data under the node's name
            .WithEnvironment("RABBITMQ_NODENAME", "proposalplatform@localhost")
            .WithEnvironment("RABBITMQ_TUNING", ServerTuning.RabbitMqErlangArguments)
            .WithHealthCheck(healthCheck)
            .WithErrorQueueReplay(resource.GetEndpoint("management"));
    }

    private static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, LocalInfrastructureOptions options, string dataDirectory)
    {
        var password = builder.AddParameter($"{name}-password", StableSecrets.ReadOrCreate(Path.Combine(dataDirectory, "postgres.password")), secret: true);
        var resource = new LocalPostgresServerResource(name, "bash", ScriptsDirectory, password.Resource);
        var healthCheck = $"{name}-connect";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async cancellationToken =>
        {
            try
            {
                await using var connection = new NpgsqlConnection(await resource.ConnectionStringExpression.GetValueAsync(cancellationToken));
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy(ex.Message, ex);
            }
        });

        return builder.AddResource(resource)
            .WithArgs([Path.Combine(ScriptsDirectory, "postgres.sh"), .. ServerTuning.PostgresArguments])
            .WithEndpoint(port: options.PostgresPort, targetPort: options.PostgresPort, scheme: "tcp", name: LocalPostgresServerResource.TcpEndpointName, env: "PGPORT", isProxied: false)
            .WithEnvironment("PGDATA_DIR", Path.Combine(dataDirectory, "postgres"))
            .WithEnvironment("POSTGRES_PASSWORD", password)
            .WithHealthCheck(healthCheck);
    }
}
