using MassTransit;

namespace ProposalPlatform.Infrastructure.Messaging;

/// <summary>
/// For consumers of <c>Batch&lt;T&gt;</c> on hot paths (every item of a session passes them): up to
/// <see cref="MessageLimit"/> messages in one transaction, waiting at most <see cref="TimeLimit"/>
/// for a batch to fill, so a lone message is not held back noticeably.
/// </summary>
public abstract class BatchConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    public const int MessageLimit = 200;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(2);

    protected BatchConsumerDefinition() =>
        Endpoint(endpoint => endpoint.PrefetchCount = MessageLimit * 4);

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(options => options
            .SetMessageLimit(MessageLimit)
            .SetTimeLimit(TimeLimit)
            .SetTimeLimitStart(BatchTimeLimitStart.FromFirst)
            .SetConcurrencyLimit(2));
}
