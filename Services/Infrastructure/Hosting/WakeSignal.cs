using System.Threading.Channels;

namespace ProposalPlatform.Infrastructure.Hosting;

/// <summary>
/// Wakes a background worker as soon as there is work for it (a commit that wrote outbox rows, items
/// to index), so it need not wait for its next poll. Notifications while it is busy fold into one.
/// </summary>
public abstract class WakeSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public virtual void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>
    /// A worker's loop until <paramref name="stoppingToken"/>: take chunks while they come full, then
    /// wait for a notification or <paramref name="pollInterval"/>. A chunk that fails is reported and
    /// tried again at the next wake.
    /// </summary>
    public async Task RunChunksAsync(
        Func<CancellationToken, Task<int>> takeChunk, int chunkSize, TimeSpan pollInterval, Action<Exception> reportFailure, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int taken;
            try
            {
                taken = await takeChunk(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                reportFailure(ex);
                taken = 0;
            }

            if (taken < chunkSize)
            {
                await WaitAsync(pollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Waits until notified or until <paramref name="timeout"/> passes, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // nothing woke it: look anyway, for work another instance left or that failed before
        }
    }
}
