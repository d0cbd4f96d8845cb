using System.Collections.Concurrent;
using Dapper;
using MassTransit;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.IntegrationTests.Messaging;

/// <summary>A message sent through the outbox.</summary>
public record OutboxProbe(Guid Key);

/// <summary>A message delivered straight to the bus, possibly twice.</summary>
public record InboxProbe(Guid Key);

/// <summary>How many deliveries each probe has had, counted once a consumer has finished with them.</summary>
public sealed class DeliveryLog
{
    private readonly ConcurrentDictionary<Guid, int> _deliveries = new();

    public void Record(Guid key) => _deliveries.AddOrUpdate(key, 1, (_, count) => count + 1);

    public int Deliveries(Guid key) => _deliveries.GetValueOrDefault(key);
}

public sealed class OutboxProbeConsumer(PlatformDatabase database, DeliveryLog log) : IConsumer<OutboxProbe>
{
    public async Task Consume(ConsumeContext<OutboxProbe> context)
    {
        await database.ApplyOnceAsync(context, this, work => ProbeApplications.InsertAsync(work, context.Message.Key));
        log.Record(context.Message.Key);
    }
}

public sealed class InboxProbeConsumer(PlatformDatabase database, DeliveryLog log) : IConsumer<InboxProbe>
{
    public async Task Consume(ConsumeContext<InboxProbe> context)
    {
        await database.ApplyOnceAsync(context, this, work => ProbeApplications.InsertAsync(work, context.Message.Key));
        log.Record(context.Message.Key);
    }
}

internal static class ProbeApplications
{
    public static Task InsertAsync(UnitOfWork work, Guid key) => work.Connection.ExecuteAsync(
        "INSERT INTO probe_applications (message_key) VALUES (@key)", new { key }, work.Transaction);
}

internal static class DeliveryLogExtensions
{
    public static int GetDeliveries(this IServiceProvider services, Guid key) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DeliveryLog>(services).Deliveries(key);
}

/// <summary>A message consumed in batches, as the hot paths of the services are.</summary>
public record BatchProbe(Guid Key);

public sealed class BatchProbeConsumer(PlatformDatabase database, DeliveryLog log) : IConsumer<Batch<BatchProbe>>
{
    public async Task Consume(ConsumeContext<Batch<BatchProbe>> context)
    {
        await database.ApplyOnceAsync(context, this, async (work, probes) =>
        {
            foreach (var probe in probes)
            {
                await ProbeApplications.InsertAsync(work, probe.Key);
            }
        });

        foreach (var delivery in context.Message)
        {
            log.Record(delivery.Message.Key);
        }
    }
}

public sealed class BatchProbeConsumerDefinition : ProposalPlatform.Infrastructure.Messaging.BatchConsumerDefinition<BatchProbeConsumer>;

/// <summary>A message consumed in batches that can be poison: a probe without a key can never be stored (its column is NOT NULL).</summary>
public record PoisonableProbe(Guid? Key);

/// <summary>Counts every attempt at each keyed probe (the delivery log), before the database is touched.</summary>
public sealed class PoisonableProbeConsumer(PlatformDatabase database, DeliveryLog log) : IConsumer<Batch<PoisonableProbe>>
{
    public Task Consume(ConsumeContext<Batch<PoisonableProbe>> context)
    {
        foreach (var delivery in context.Message)
        {
            if (delivery.Message.Key is { } key)
            {
                log.Record(key);
            }
        }

        return database.ApplyOnceAsync(context, this, async (work, probes) =>
        {
            foreach (var probe in probes)
            {
                await work.Connection.ExecuteAsync(
                    "INSERT INTO probe_applications (message_key) VALUES (@key)", new { key = probe.Key }, work.Transaction);
            }
        });
    }
}

public sealed class PoisonableProbeConsumerDefinition : ProposalPlatform.Infrastructure.Messaging.BatchConsumerDefinition<PoisonableProbeConsumer>;

/// <summary>A message that fails for a lasting reason while its key is in <c>probe_gates</c>, and is applied once it is not.</summary>
public record GatedProbe(Guid Key);

public sealed class GatedProbeConsumer(PlatformDatabase database) : IConsumer<GatedProbe>
{
    public Task Consume(ConsumeContext<GatedProbe> context) =>
        database.ApplyOnceAsync(context, this, async work =>
        {
            var key = context.Message.Key;
            if (await work.Connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM probe_gates WHERE message_key = @key)", new { key }, work.Transaction))
            {
                throw new InvalidOperationException($"The gate of probe {key} is closed.");
            }

            await ProbeApplications.InsertAsync(work, key);
        });
}
