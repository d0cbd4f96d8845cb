using MassTransit;
using Npgsql;
using ProposalPlatform.Infrastructure.Messaging;
using ProposalPlatform.Infrastructure.Outbox;

namespace ProposalPlatform.Infrastructure.Data;

/// <summary>The service's own database: opens connections and units of work.</summary>
public sealed class PlatformDatabase(NpgsqlDataSource dataSource, OutboxSignal signal)
{
    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        dataSource.OpenConnectionAsync(cancellationToken);

    public async Task<UnitOfWork> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new UnitOfWork(connection, transaction, signal);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Applies a consumed message once: the inbox key, the changes <paramref name="apply"/> makes and
    /// the messages it publishes commit together; a redelivered message changes nothing.
    /// </summary>
    public async Task ApplyOnceAsync<T>(ConsumeContext<T> context, IConsumer consumer, Func<UnitOfWork, Task> apply)
        where T : class
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"A {typeof(T).Name} arrived without a message id.");
        await using var work = await BeginAsync(context.CancellationToken);
        if (!await work.TryMarkProcessedAsync(consumer.GetType().Name, messageId, context.CancellationToken))
        {
            return;
        }

        await apply(work);
        await work.CommitAsync(context.CancellationToken);
    }

    /// <summary>
    /// Applies a batch of consumed messages once, in one transaction: messages already applied
    /// (redeliveries, or the same message twice in the batch) are left out of what
    /// <paramref name="apply"/> receives. One round trip for the inbox instead of one per message.
    /// A message that can never be applied fails alone (<see cref="PoisonMessages"/>).
    /// </summary>
    public Task ApplyOnceAsync<T>(ConsumeContext<Batch<T>> context, IConsumer<Batch<T>> consumer, Func<UnitOfWork, IReadOnlyList<T>, Task> apply)
        where T : class =>
        PoisonMessages.ApplyAsync(context, async messages =>
        {
            var byId = new Dictionary<Guid, T>();
            foreach (var message in messages)
            {
                var messageId = message.MessageId ?? throw new InvalidOperationException($"A {typeof(T).Name} arrived without a message id.");
                byId.TryAdd(messageId, message.Message);
            }

            await using var work = await BeginAsync(context.CancellationToken);
            var fresh = await work.TryMarkProcessedAsync(consumer.GetType().Name, byId.Keys.ToArray(), context.CancellationToken);
            if (fresh.Count > 0)
            {
                await apply(work, fresh.Select(id => byId[id]).ToList());
            }

            await work.CommitAsync(context.CancellationToken);
        });
}
