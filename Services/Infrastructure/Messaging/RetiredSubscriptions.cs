using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProposalPlatform.Contracts;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ProposalPlatform.Infrastructure.Messaging;

/// <summary>
/// A consumer's subscription to a message type that the service has given up. MassTransit binds a
/// consumer's queue to the exchange of each type it takes but never unbinds one, so a queue bound by
/// an earlier version would go on receiving every such message. The consumer stays, on an endpoint
/// that binds nothing (<see cref="RetiredSubscriptionDefinition{TConsumer}"/>), to take what the queue
/// still holds.
/// </summary>
public sealed record RetiredSubscription(Func<IEndpointNameFormatter, string> Endpoint, Type MessageType);

/// <summary>The endpoint of a consumer that keeps only what its queue already holds: it binds nothing.</summary>
public class RetiredSubscriptionDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    public RetiredSubscriptionDefinition() => Endpoint(endpoint =>
    {
        endpoint.ConfigureConsumeTopology = false;
        endpoint.ConcurrentMessageLimit = 1;
    });
}

public static class RetiredSubscriptionExtensions
{
    /// <summary>Unbinds the queue of <typeparamref name="TConsumer"/> from the exchanges of <paramref name="messageTypes"/> at start.</summary>
    public static IServiceCollection AddRetiredSubscription<TConsumer>(this IServiceCollection services, params Type[] messageTypes)
        where TConsumer : class, IConsumer
    {
        foreach (var messageType in messageTypes)
        {
            services.AddSingleton(new RetiredSubscription(names => names.Consumer<TConsumer>(), messageType));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RetiredSubscriptionRemover>());
        return services;
    }
}

/// <summary>Removes the bindings of retired subscriptions, once at start; a broker that cannot be reached leaves them to the next start.</summary>
public sealed partial class RetiredSubscriptionRemover(
    IEnumerable<RetiredSubscription> retired,
    IBusRegistrationContext registration,
    IBus bus,
    IConfiguration configuration,
    ILogger<RetiredSubscriptionRemover> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(configuration.GetConnectionString(ResourceNames.Broker)!) };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            foreach (var subscription in retired)
            {
                if (!bus.Topology.TryGetPublishAddress(subscription.MessageType, out var address))
                {
                    continue;
                }

                var messageExchange = Uri.UnescapeDataString(address.Segments[^1]);
                var endpoint = subscription.Endpoint(registration.EndpointNameFormatter);
                try
                {
                    // MassTransit binds the message type's exchange to an exchange named after the
                    // endpoint, and that exchange to the queue
                    await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                    await channel.ExchangeUnbindAsync(endpoint, messageExchange, routingKey: "", cancellationToken: cancellationToken);
                    LogUnbound(logger, endpoint, messageExchange);
                }
                catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.NotFound)
                {
                    // neither exchange was ever declared here: nothing to unbind
                }
            }
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or IOException)
        {
            LogNotReached(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Endpoint {Endpoint} no longer takes {MessageExchange}: no binding left")]
    private static partial void LogUnbound(ILogger logger, string endpoint, string messageExchange);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retired subscriptions could not be unbound; the next start tries again")]
    private static partial void LogNotReached(ILogger logger, Exception exception);
}
