using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Telemetry;
using RabbitMQ.Client;

namespace ProposalPlatform.Infrastructure.Messaging;

/// <summary>The service's receive endpoints, by queue name, as MassTransit configured them.</summary>
public sealed class ServiceQueues
{
    private readonly HashSet<string> _names = [];

    public void Add(string queueName)
    {
        lock (_names)
        {
            _names.Add(queueName);
        }
    }

    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_names)
            {
                return [.. _names.Order(StringComparer.Ordinal)];
            }
        }
    }
}

/// <summary>
/// <c>proposalplatform.messaging.error_queue_messages</c>: the messages waiting in each of the service's
/// <c>_error</c> queues (tagged <c>queue</c>), for the dashboard. What lands there failed for a
/// lasting reason (see <see cref="TransientFaults"/> and <see cref="PoisonMessages"/>): each one needs
/// a person, and the README says how to replay it. Read over AMQP (a passive declare gives the count,
/// no management plugin needed) at most every <see cref="PlatformMeter.GaugeMaxAge"/>.
/// </summary>
public sealed class ErrorQueueGauges : IAsyncDisposable
{
    public const string Name = "proposalplatform.messaging.error_queue_messages";

    private readonly ConnectionFactory _factory;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public ErrorQueueGauges(PlatformMeter meter, ServiceQueues queues, IConfiguration configuration)
    {
        _factory = new ConnectionFactory
        {
            Uri = new Uri(configuration.GetConnectionString(ResourceNames.Broker)
                ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.Broker} is not configured.")),
            ClientProvidedName = "error queue gauges",
        };
        var reading = meter.Reading("the error queues' lengths", token => CountAsync(queues.Names, token));
        meter.Meter.CreateObservableGauge(Name, () => reading.MeasureAll(counts => counts.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("queue", c.Key)))), "{message}",
            "Messages in each of the service's _error queues: they failed for a lasting reason and wait to be looked at and replayed.");
    }

    private async Task<IReadOnlyDictionary<string, long>> CountAsync(IReadOnlyList<string> endpoints, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not { IsOpen: true })
            {
                if (_connection is not null)
                {
                    await _connection.DisposeAsync();
                }

                _connection = await _factory.CreateConnectionAsync(cancellationToken);
            }

            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var endpoint in endpoints)
            {
                var queue = $"{endpoint}_error";
                // a passive declare of a queue that does not exist (nothing ever failed there) closes its channel
                await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
                try
                {
                    counts[queue] = (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
                }
                catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
                {
                    counts[queue] = 0;
                }
            }

            return counts;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _gate.Dispose();
    }
}
