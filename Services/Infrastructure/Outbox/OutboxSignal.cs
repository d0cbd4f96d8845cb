using System.Collections.Concurrent;
using ProposalPlatform.Infrastructure.Hosting;

namespace ProposalPlatform.Infrastructure.Outbox;

/// <summary>
/// Wakes the relay as soon as a transaction that wrote outbox rows has committed, and tells it which
/// rows, so that it takes them by their keys instead of searching the table for unsent rows.
/// </summary>
public sealed class OutboxSignal : WakeSignal
{
    /// <summary>Rows held for the relay at most; beyond that its search of the table finds them.</summary>
    public const int MaxHeld = 10_000;

    private readonly ConcurrentQueue<long> _committed = new();
    private int _held;

    /// <summary>Rows <paramref name="rowIds"/> have just been committed.</summary>
    public void Notify(IReadOnlyList<long> rowIds)
    {
        foreach (var id in rowIds)
        {
            if (Interlocked.Increment(ref _held) > MaxHeld)
            {
                Interlocked.Decrement(ref _held);
                break;
            }

            _committed.Enqueue(id);
        }

        Notify();
    }

    /// <summary>Takes up to <paramref name="max"/> of the rows committed since the last take, oldest first.</summary>
    public long[] TakeCommitted(int max)
    {
        var taken = new List<long>(Math.Min(max, Volatile.Read(ref _held)));
        while (taken.Count < max && _committed.TryDequeue(out var id))
        {
            Interlocked.Decrement(ref _held);
            taken.Add(id);
        }

        return [.. taken];
    }
}
