using System.Globalization;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using ProposalPlatform.Infrastructure;
using ProposalPlatform.Infrastructure.Data;
using RabbitMQ.Client;

namespace ProposalPlatform.IntegrationTests.Messaging;

/// <summary>
/// A real RabbitMQ and PostgreSQL (the AppHost's launch scripts, a throw-away folder, free ports) and
/// a host wired with the shared infrastructure exactly as the services are: DbUp migrations, the bus,
/// the outbox relay and the inbox. The consumers are the test consumers of this assembly.
/// </summary>
public sealed class MessagingFixture : IAsyncLifetime
{
    public const string DatabaseName = "messagingtests";

    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("proposalplatform-messaging-");
    private readonly int[] _ports = FreePorts.Take(5);
    private IHost? _host;

    public LocalServer Broker { get; private set; } = null!;
    public LocalServer Database { get; private set; } = null!;
    public string BrokerConnectionString => string.Create(CultureInfo.InvariantCulture, $"amqp://guest:guest@127.0.0.1:{_ports[0]}");
    public string DatabaseConnectionString => string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={_ports[4]};Username=postgres;Password=test-password;Database={DatabaseName}");
    public IServiceProvider Services => _host!.Services;

    /// <summary>The broker's management API (guest, over loopback), with its shovel plugin.</summary>
    public HttpClient Management() =>
        ProposalPlatform.AppHost.Infrastructure.ErrorQueueReplay.ManagementClient(new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_ports[1]}/")));

    public async Task InitializeAsync()
    {
        Broker = new LocalServer("rabbitmq.sh", new Dictionary<string, string>
        {
            ["RABBITMQ_DATA_DIR"] = Path.Combine(_dataDirectory.FullName, "rabbitmq"),
            ["RABBITMQ_NODE_PORT"] = Port(0),
            ["RABBITMQ_MANAGEMENT_PORT"] = Port(1),
            ["RABBITMQ_DIST_PORT"] = Port(2),
            ["ERL_EPMD_PORT"] = Port(3),
            ["RABBITMQ_NODENAME"] = $"messagingtests-{Port(0)}@localhost",
        });
        Database = new LocalServer("postgres.sh", new Dictionary<string, string>
        {
            ["PGDATA_DIR"] = Path.Combine(_dataDirectory.FullName, "postgres"),
            ["PGPORT"] = Port(4),
            ["POSTGRES_PASSWORD"] = "test-password",
        });
        Broker.Start();
        Database.Start();
        await WaitForBrokerAsync();
        await Eventually.Until(
            async () =>
            {
                try
                {
                    await using var connection = new NpgsqlConnection(DatabaseConnectionString.Replace(DatabaseName, "postgres", StringComparison.Ordinal));
                    await connection.OpenAsync();
                    return true;
                }
                catch (NpgsqlException)
                {
                    return false;
                }
            },
            up => up,
            "PostgreSQL to accept connections",
            TimeSpan.FromMinutes(1));
        // as the AppHost makes a service's database before the service starts (here the superuser owns it)
        await using (var server = new NpgsqlConnection(DatabaseConnectionString.Replace(DatabaseName, "postgres", StringComparison.Ordinal)))
        {
            await server.ExecuteAsync($"CREATE DATABASE {DatabaseName}");
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = BrokerConnectionString,
            [$"ConnectionStrings:{DatabaseName}"] = DatabaseConnectionString,
            // retry quickly so a test does not wait for the production back-off
            ["Outbox:RetryDelay"] = "00:00:00.200",
            ["Outbox:MaxRetryDelay"] = "00:00:01",
            ["Outbox:PublishTimeout"] = "00:00:03",
        });
        builder.AddPlatformInfrastructure("messagingtests", DatabaseName, typeof(MessagingFixture).Assembly);
        builder.Services.AddSingleton<DeliveryLog>();
        _host = builder.Build();
        await _host.StartAsync();
    }

    /// <summary>Waits until the broker takes AMQP connections (after a start or a restart).</summary>
    public Task WaitForBrokerAsync() => Eventually.Until(
        async () =>
        {
            try
            {
                var factory = new ConnectionFactory { Uri = new Uri(BrokerConnectionString) };
                await using var connection = await factory.CreateConnectionAsync();
                return connection.IsOpen;
            }
            catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException)
            {
                return false;
            }
        },
        up => up,
        "RabbitMQ to accept connections",
        TimeSpan.FromMinutes(1));

    public async Task<T> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }

    public IBus Bus => Services.GetRequiredService<IBus>();

    public PlatformDatabase PlatformDatabase => Services.GetRequiredService<PlatformDatabase>();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        await Broker.DisposeAsync();
        await Database.DisposeAsync();
        try
        {
            _dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // left in the temp directory
        }
    }

    private string Port(int index) => _ports[index].ToString(CultureInfo.InvariantCulture);
}

[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<MessagingFixture>
{
    public const string Name = "Messaging";
}
