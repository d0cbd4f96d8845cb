using OpenTelemetry;

namespace ProposalPlatform.Infrastructure.Hosting;

/// <summary>The loop of a scheduler that looks for due work at an interval (deadline alerts, contact reminders).</summary>
public static class PeriodicScan
{
    /// <summary>
    /// Scans now and then at every <paramref name="interval"/> until stopping. A scan that fails is
    /// reported and the next tick tries again. A scan is not traced (its queries nor what it publishes
    /// straight away): a scan concerns no request, and its root traces would bury the requests' in the
    /// dashboard. A message it writes to the outbox starts its own trace when the relay publishes it.
    /// </summary>
    public static async Task RunAsync(
        TimeSpan interval, TimeProvider clock, Func<CancellationToken, Task> scan, Action<Exception> reportFailure, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            do
            {
                try
                {
                    using var untraced = SuppressInstrumentationScope.Begin();
                    await scan(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    reportFailure(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>
    /// Takes batches (each in its own transaction) until one comes back short or sends nothing;
    /// returns how many were sent in all.
    /// </summary>
    public static async Task<int> InBatchesAsync(Func<CancellationToken, Task<(int Taken, int Sent)>> batch, int batchSize, CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            var (taken, sentNow) = await batch(cancellationToken);
            sent += sentNow;
            if (taken < batchSize || sentNow == 0)
            {
                return sent;
            }
        }
    }
}
