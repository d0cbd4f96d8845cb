using MassTransit;

namespace ProposalPlatform.Infrastructure.Messaging;

/// <summary>
/// For consumers of <c>Batch&lt;T&gt;</c> on hot paths (every single item passes them): up to
/// <see cref="MessageLimit"/> messages in one transaction, waiting at most <see cref="TimeLimit"/>
/// for a batch to fill, so a lone message is not held back noticeably. A session's items do not
/// come this way: each chunk of the office's batch is one message already.
/// </summary>
public abstract class BatchConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    public const int MessageLimit = 16;
    public const int ConcurrentBatches = 2;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(2);

    // A message waits in its batch while it is being handled, so the endpoint must let MessageLimit
    // times ConcurrentBatches messages be handled at once. No more: see MessagingExtensions.
    protected BatchConsumerDefinition() =>
        Endpoint(endpoint =>
        {
            endpoint.ConcurrentMessageLimit = MessageLimit * ConcurrentBatches;
            endpoint.PrefetchCount = MessageLimit * ConcurrentBatches * 2;
        });

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(options => options
            .SetMessageLimit(MessageLimit)
            .SetTimeLimit(TimeLimit)
            .SetTimeLimitStart(BatchTimeLimitStart.FromFirst)
            .SetConcurrencyLimit(ConcurrentBatches));
}
