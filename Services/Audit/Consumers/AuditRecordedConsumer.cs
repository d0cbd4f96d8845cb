using MassTransit;
using ProposalPlatform.Audit.Data;
using ProposalPlatform.Contracts.Audit;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Audit.Consumers;

/// <summary>Appends the entries every service publishes to the one store, a batch per transaction, once each.</summary>
public sealed class AuditRecordedConsumer(PlatformDatabase database) : IConsumer<Batch<AuditRecorded>>
{
    public Task Consume(ConsumeContext<Batch<AuditRecorded>> context) =>
        database.ApplyOnceAsync(context, this, (work, entries) => AuditStore.AppendAsync(work, entries, context.CancellationToken));
}

/// <summary>
/// Up to <see cref="MessageLimit"/> entries a transaction, one batch at a time: the chain has one order,
/// so appenders would only wait for each other's lock of its head.
/// </summary>
public sealed class AuditRecordedConsumerDefinition : ConsumerDefinition<AuditRecordedConsumer>
{
    public const int MessageLimit = 200;

    public AuditRecordedConsumerDefinition() =>
        Endpoint(endpoint =>
        {
            endpoint.ConcurrentMessageLimit = MessageLimit;
            endpoint.PrefetchCount = MessageLimit * 2;
        });

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AuditRecordedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(options => options
            .SetMessageLimit(MessageLimit)
            .SetTimeLimit(TimeSpan.FromMilliseconds(50))
            .SetTimeLimitStart(BatchTimeLimitStart.FromFirst)
            .SetConcurrencyLimit(1));
}
