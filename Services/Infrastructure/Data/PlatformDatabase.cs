using MassTransit;
using Npgsql;
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
    public async Task ApplyOnceAsync<T>(ConsumeContext<T> context, IConsumer<T> consumer, Func<UnitOfWork, Task> apply)
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
}
