using MassTransit;

namespace ProposalPlatform.Infrastructure.Messaging;

/// <summary>
/// For consumers of <c>Batch&lt;T&gt;</c> that every single item passes: up to
/// <see cref="MessageLimit"/> messages in one transaction. A consumer on the path someone waits for
/// (assignment) waits at most <see cref="TimeLimit"/> for a batch to fill, so a lone message is not
/// held back noticeably; one that only keeps a record waits up to <see cref="BackgroundTimeLimit"/>,
/// so that at a steady stream of items it pays for one transaction per batch, not one per item.
/// A session's items come as one message per chunk of the office's batch; assignment takes those one
/// at a time, the record-keeping consumers in batches like the rest.
/// </summary>
public abstract class BatchConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    public const int MessageLimit = 16;
    public const int ConcurrentBatches = 2;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(2);
    public static readonly TimeSpan BackgroundTimeLimit = TimeSpan.FromMilliseconds(100);

    private readonly TimeSpan _timeLimit;
    private readonly int _messageLimit;

    // A message waits in its batch while it is being handled, so the endpoint must let MessageLimit
    // times ConcurrentBatches messages be handled at once. No more: see MessagingExtensions. (A
    // consumer of two batched types shares that; a batch that cannot fill goes at its time limit.)
    /// <param name="messageLimit">Messages in one batch; a read side that only keeps a record may take more than <see cref="MessageLimit"/>.</param>
    /// <param name="timeLimit">How long a batch waits to fill, when not the default of <paramref name="inBackground"/>.</param>
    protected BatchConsumerDefinition(bool inBackground = false, int messageLimit = MessageLimit, TimeSpan? timeLimit = null)
    {
        _timeLimit = timeLimit ?? (inBackground ? BackgroundTimeLimit : TimeLimit);
        _messageLimit = messageLimit;
        Endpoint(endpoint =>
        {
            endpoint.ConcurrentMessageLimit = messageLimit * ConcurrentBatches;
            endpoint.PrefetchCount = messageLimit * ConcurrentBatches * 2;
        });
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(options => options
            .SetMessageLimit(_messageLimit)
            .SetTimeLimit(_timeLimit)
            .SetTimeLimitStart(BatchTimeLimitStart.FromFirst)
            .SetConcurrencyLimit(ConcurrentBatches));
}
