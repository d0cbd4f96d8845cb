using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Infrastructure.Messaging;

public static class MessagingExtensions
{
    /// <summary>Messages one endpoint handles at once: enough to keep two cores and a database busy.</summary>
    public const int ConcurrentMessageLimit = 8;

    /// <summary>
    /// MassTransit on RabbitMQ, set once for every service: consumers found by scanning the service's
    /// assembly, one queue per consumer named after the service, retry before a message is faulted to
    /// its <c>_error</c> queue, usage telemetry off, and start-up that waits for the bus. A process that only
    /// publishes (no <paramref name="consumersAssembly"/>) may start without the broker
    /// (<paramref name="waitForBroker"/> false): the broker being away then makes it degraded, not unhealthy.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging(
        this IHostApplicationBuilder builder,
        string serviceName,
        Assembly? consumersAssembly,
        bool waitForBroker = true)
    {
        var connectionString = builder.Configuration.GetConnectionString(ResourceNames.Broker)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.Broker} is not configured.");

        var queueType = builder.Configuration["Messaging:QueueType"] is { Length: > 0 } configured ? configured : "classic";
        if (queueType is not ("classic" or "quorum"))
        {
            throw new InvalidOperationException($"Messaging:QueueType is \"{queueType}\": it is \"classic\" (the default) or \"quorum\".");
        }

        var queues = new ServiceQueues();
        builder.Services.AddSingleton(queues);
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConfigureEndpointsCallback((queueName, _) => queues.Add(queueName));
            // A government platform never calls home (and this network is closed).
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            if (consumersAssembly is not null)
            {
                bus.AddConsumers(consumersAssembly);
            }

            if (!waitForBroker)
            {
                bus.ConfigureHealthCheckOptions(health => health.MinimalFailureStatus = HealthStatus.Degraded);
            }
            else
            {
                // a consumer whose endpoints are not all connected is not ready: MassTransit calls that Degraded, which /health would answer with 200
                builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
                {
                    foreach (var registration in options.Registrations.Where(r => r.Tags.Contains("masstransit")))
                    {
                        var check = registration.Factory;
                        registration.Factory = services => new DegradedIsUnhealthy(check(services));
                    }
                });
            }

            bus.UsingRabbitMq((context, rabbit) =>
            {
                ConfigureHost(rabbit, new Uri(connectionString));
                rabbit.PrefetchCount = 64;
                // RabbitMQ.Client runs one dispatch loop per message that may be handled at once
                // (MassTransit passes ConcurrentMessageLimit, else PrefetchCount), and every loop
                // wakes for every delivery: 64 loops cost 64 thread-pool work items per message.
                rabbit.ConcurrentMessageLimit = ConcurrentMessageLimit;
                UseRetry(rabbit);
                if (queueType == "quorum")
                {
                    // replicated over the cluster's nodes (a deployment's RabbitmqCluster); a classic queue
                    // already there cannot change its type, so this is for a new broker
                    rabbit.SetQuorumQueue();
                }

                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            // no publish before the consumers' queues and bindings exist
            options.WaitUntilStarted = waitForBroker;
            options.StartTimeout = TimeSpan.FromMinutes(1);
            options.StopTimeout = TimeSpan.FromSeconds(10);
        });

        return builder;
    }

    /// <summary>
    /// How long a consumed message is tried again while the database or the broker is away: past the
    /// outages the platform rides out (2 minutes promised), so such an outage parks nothing in <c>_error</c>.
    /// </summary>
    public static readonly TimeSpan[] PassingFaultIntervals =
        [.. new[] { 1, 2, 5, 10, 15, 20, 30, 30, 30, 30, 60 }.Select(s => TimeSpan.FromSeconds(s))];

    /// <summary>A fault that will not pass by waiting (a broken rule, a bug) is tried a few times quickly, for a conflict with a concurrent write, then faulted.</summary>
    public static readonly TimeSpan[] OtherFaultIntervals = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    /// <summary>
    /// Two retry layers: the outer one waits out a passing fault (<see cref="TransientFaults"/>), the
    /// inner one tries anything else a few times and lets it fault to <c>_error</c>, where only what
    /// can never succeed belongs.
    /// </summary>
    private static void UseRetry(IRabbitMqBusFactoryConfigurator rabbit)
    {
        rabbit.UseMessageRetry(retry =>
        {
            retry.Handle<Exception>(TransientFaults.IsPassing);
            retry.Intervals(PassingFaultIntervals);
        });
        rabbit.UseMessageRetry(retry =>
        {
            retry.Ignore<Exception>(TransientFaults.IsPassing);
            retry.Intervals(OtherFaultIntervals);
        });
    }

    private static void ConfigureHost(IRabbitMqBusFactoryConfigurator rabbit, Uri address)
    {
        var user = address.UserInfo.Split(':', 2);
        var virtualHost = address.AbsolutePath.Trim('/');
        rabbit.Host(address.Host, (ushort)(address.IsDefaultPort || address.Port < 0 ? 5672 : address.Port),
            string.IsNullOrEmpty(virtualHost) ? "/" : Uri.UnescapeDataString(virtualHost), host =>
            {
                if (user[0].Length > 0)
                {
                    host.Username(Uri.UnescapeDataString(user[0]));
                    host.Password(user.Length > 1 ? Uri.UnescapeDataString(user[1]) : string.Empty);
                }
            });
    }
}
