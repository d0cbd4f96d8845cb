using ProposalPlatform.Infrastructure.Hosting;

namespace ProposalPlatform.Intake.Workers;

/// <summary>
/// Wakes the indexing worker when items were registered or corrected, instead of waiting for its next
/// look, and tells it how recently intake was busy: indexing a session costs more than taking it in
/// and assigning it, so it waits for a burst to pass instead of slowing it.
/// </summary>
public sealed class IndexingSignal(TimeProvider clock) : WakeSignal
{
    /// <summary>How often <see cref="RunUntilBusyAsync"/> looks whether intake has become busy.</summary>
    public static readonly TimeSpan BusyCheckInterval = TimeSpan.FromMilliseconds(100);

    private long _lastActivity = long.MinValue;
    private long _heldOffSince = long.MinValue; // the worker's own: one worker per process

    /// <summary>Items came in: wake the worker, and note that intake is busy.</summary>
    public override void Notify()
    {
        NoteActivity();
        base.Notify();
    }

    /// <summary>Intake is busy with work that indexing should not slow (items being assigned).</summary>
    public void NoteActivity() => Interlocked.Exchange(ref _lastActivity, clock.GetTimestamp());

    /// <summary>Whether intake was busy within the last <paramref name="period"/>.</summary>
    public bool BusyWithin(TimeSpan period)
    {
        var last = Interlocked.Read(ref _lastActivity);
        return last != long.MinValue && clock.GetElapsedTime(last) < period;
    }

    /// <summary>
    /// While intake is busy, holds indexing off until intake has been quiet for <paramref name="quietPeriod"/>;
    /// but no longer than <paramref name="maxDeferral"/> in all from the first time it held indexing off
    /// until indexing next catches up (<see cref="CaughtUp"/>). A chunk indexed in a pause between
    /// bursts does not start the deferral again. Returns whether any of the deferral is left: while it
    /// is, indexing gives way to intake (<see cref="RunUntilBusyAsync"/>); once it is spent, it goes on.
    /// </summary>
    public async Task<bool> HoldOffWhileBusyAsync(TimeSpan quietPeriod, TimeSpan maxDeferral, CancellationToken cancellationToken)
    {
        if (BusyWithin(quietPeriod))
        {
            if (_heldOffSince == long.MinValue)
            {
                _heldOffSince = clock.GetTimestamp();
            }

            var left = DeferralLeft(maxDeferral);
            if (left > TimeSpan.Zero)
            {
                // on the thread that ends the wait: the deferral is measured from then, not from a later turn
                await WaitForQuietAsync(quietPeriod, left, cancellationToken).ConfigureAwait(false);
            }
        }

        return DeferralLeft(maxDeferral) > TimeSpan.Zero;
    }

    /// <summary>Indexing has caught up: the next burst may hold it off for the whole deferral again.</summary>
    public void CaughtUp() => _heldOffSince = long.MinValue;

    private TimeSpan DeferralLeft(TimeSpan maxDeferral) =>
        _heldOffSince == long.MinValue ? maxDeferral : maxDeferral - clock.GetElapsedTime(_heldOffSince);

    /// <summary>
    /// Runs <paramref name="work"/> until it has finished or intake has become busy, whichever is first;
    /// then cancels its token. For work that may stop halfway without loss and go on later. Returns
    /// whether it finished.
    /// </summary>
    public async Task<bool> RunUntilBusyAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        using var giveWay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = work(giveWay.Token);
        while (!running.IsCompleted && !cancellationToken.IsCancellationRequested)
        {
            if (Interlocked.Read(ref _lastActivity) > started)
            {
                await giveWay.CancelAsync();
                break;
            }

            await Task.WhenAny(running, Task.Delay(BusyCheckInterval, clock, cancellationToken));
        }

        try
        {
            await running;
            return true;
        }
        catch (OperationCanceledException) when (giveWay.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits until intake has been quiet for <paramref name="quietPeriod"/>, but no longer than
    /// <paramref name="maxWait"/> in all, so that a steady stream of items cannot hold indexing off.
    /// </summary>
    public async Task WaitForQuietAsync(TimeSpan quietPeriod, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            var last = Interlocked.Read(ref _lastActivity);
            var left = maxWait - clock.GetElapsedTime(started);
            if (!BusyWithin(quietPeriod) || left <= TimeSpan.Zero)
            {
                return;
            }

            var wait = quietPeriod - clock.GetElapsedTime(last);
            if (wait < TimeSpan.FromMilliseconds(1))
            {
                wait = TimeSpan.FromMilliseconds(1); // activity came between the two reads: look again
            }

            await Task.Delay(wait < left ? wait : left, clock, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
