using MassTransit;
using ProposalPlatform.Contracts.Audit;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Infrastructure.Audit;

/// <summary>Where the audit entries made outside a write's transaction (refusals, identity events) go.</summary>
public interface IAuditSink
{
    Task WriteAsync(IReadOnlyCollection<AuditRecorded> entries, CancellationToken cancellationToken);
}

/// <summary>A service with a database: the entries go through its outbox, so none is lost while the broker is away.</summary>
public sealed class OutboxAuditSink(PlatformDatabase database) : IAuditSink
{
    public async Task WriteAsync(IReadOnlyCollection<AuditRecorded> entries, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        await work.PublishManyAsync(entries, cancellationToken);
        await work.CommitAsync(cancellationToken);
    }
}

/// <summary>A process without an outbox (the gateway, the identity service): the entries are published straight to the broker.</summary>
public sealed class BusAuditSink(IBus bus) : IAuditSink
{
    public Task WriteAsync(IReadOnlyCollection<AuditRecorded> entries, CancellationToken cancellationToken) =>
        bus.PublishBatch(entries, context => context.MessageId = context.Message.RecordId, cancellationToken);
}
