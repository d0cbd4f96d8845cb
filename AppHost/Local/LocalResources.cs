using Aspire.Hosting.ApplicationModel;

namespace ProposalPlatform.AppHost.Local;

/// <summary>Debian's RabbitMQ run by the AppHost as a local process; its connection string points at it.</summary>
public sealed class LocalRabbitMqResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string AmqpEndpointName = "amqp";

    public EndpointReference AmqpEndpoint => field ??= new EndpointReference(this, AmqpEndpointName);

    // The guest user may connect only over loopback, which is where the local broker listens.
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://guest:guest@{AmqpEndpoint.Property(EndpointProperty.IPV4Host)}:{AmqpEndpoint.Property(EndpointProperty.Port)}");
}

/// <summary>Debian's PostgreSQL 15 run by the AppHost as a local process; its connection string is the superuser's, the AppHost's alone.</summary>
public sealed class LocalPostgresServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string TcpEndpointName = "tcp";

    public ParameterResource Password { get; } = password;

    public EndpointReference TcpEndpoint => field ??= new EndpointReference(this, TcpEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={TcpEndpoint.Property(EndpointProperty.IPV4Host)};Port={TcpEndpoint.Property(EndpointProperty.Port)};Username=postgres;Password={Password}");
}
