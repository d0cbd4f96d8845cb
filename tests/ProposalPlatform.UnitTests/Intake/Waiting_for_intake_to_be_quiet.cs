using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using ProposalPlatform.Intake.Workers;

namespace ProposalPlatform.UnitTests.Intake;

public class Waiting_for_intake_to_be_quiet
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RealDeadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Does_not_wait_when_nothing_came_in()
    {
        var signal = new IndexingSignal(new FakeTimeProvider());

        var waiting = signal.WaitForQuietAsync(Quiet, MaxWait, CancellationToken.None);

        Assert.True(waiting.IsCompleted);
        await waiting;
    }

    [Fact]
    public async Task Waits_until_the_quiet_period_has_passed_since_the_last_item()
    {
        // Arrange
        var clock = new FakeTimeProvider();
        var signal = new IndexingSignal(clock);
        signal.Notify();

        // Act
        var waiting = signal.WaitForQuietAsync(Quiet, MaxWait, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        signal.NoteActivity(); // more items: the quiet period starts again
        clock.Advance(TimeSpan.FromSeconds(1.5));
        var stillWaiting = !waiting.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(0.5));

        // Assert
        Assert.True(stillWaiting);
        await FinishAsync(waiting, clock);
        Assert.False(signal.BusyWithin(Quiet));
    }

    [Fact]
    public async Task Stops_waiting_after_the_longest_deferral_even_while_items_keep_coming()
    {
        // Arrange
        var clock = new FakeTimeProvider();
        var signal = new IndexingSignal(clock);
        signal.Notify();
        var waiting = signal.WaitForQuietAsync(Quiet, MaxWait, CancellationToken.None);

        // Act: an item every second until it stops waiting
        var seconds = await KeepBusyAsync(signal, clock, until: waiting);

        // Assert
        Assert.True(waiting.IsCompleted, "it kept waiting while items kept coming");
        Assert.True(seconds >= MaxWait.TotalSeconds, $"it stopped waiting after {seconds} s, before the longest deferral");
        Assert.True(signal.BusyWithin(Quiet));
    }

    [Fact]
    public async Task A_chunk_indexed_in_a_pause_does_not_start_the_deferral_again()
    {
        // Arrange: held off for 50 s, then a pause in which one chunk is indexed
        var clock = new FakeTimeProvider();
        var signal = new IndexingSignal(clock);
        signal.Notify();
        var first = signal.HoldOffWhileBusyAsync(Quiet, MaxWait, CancellationToken.None);
        await KeepBusyAsync(signal, clock, seconds: 48);
        await FinishAsync(first, clock); // 2 s of quiet: 50 s held off

        // Act: the next burst
        signal.NoteActivity();
        var second = signal.HoldOffWhileBusyAsync(Quiet, MaxWait, CancellationToken.None);
        var seconds = await KeepBusyAsync(signal, clock, until: second);

        // Assert: only what was left of the minute
        Assert.True(second.IsCompleted);
        Assert.InRange(seconds, 8, 11);
    }

    [Fact]
    public async Task Catching_up_gives_the_next_burst_the_whole_deferral()
    {
        // Arrange: held off for the whole minute, then caught up
        var clock = new FakeTimeProvider();
        var signal = new IndexingSignal(clock);
        signal.Notify();
        var first = signal.HoldOffWhileBusyAsync(Quiet, MaxWait, CancellationToken.None);
        clock.Advance(MaxWait);
        await FinishAsync(first, clock);
        signal.CaughtUp();

        // Act
        signal.NoteActivity();
        var second = signal.HoldOffWhileBusyAsync(Quiet, MaxWait, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        signal.NoteActivity();
        clock.Advance(TimeSpan.FromSeconds(1));

        // Assert
        Assert.False(second.IsCompleted);
        await FinishAsync(second, clock);
        Assert.True(await second, "the deferral was spent already");
    }

    [Fact]
    public async Task Does_not_hold_off_once_the_deferral_is_spent_and_says_so()
    {
        var clock = new FakeTimeProvider();
        var signal = new IndexingSignal(clock);
        signal.Notify();
        _ = signal.HoldOffWhileBusyAsync(Quiet, MaxWait, CancellationToken.None);
        clock.Advance(MaxWait);

        signal.NoteActivity();
        var again = signal.HoldOffWhileBusyAsync(Quiet, MaxWait, CancellationToken.None);

        Assert.True(again.IsCompleted);
        Assert.False(await again, "indexing would still give way to intake");
    }

    [Fact]
    public async Task Work_that_gives_way_is_stopped_when_items_come_in()
    {
        // Arrange: work that runs until its token is cancelled
        var clock = new FakeTimeProvider();
        var signal = new IndexingSignal(clock);
        var started = new TaskCompletionSource();
        var running = signal.RunUntilBusyAsync(async token =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
        }, CancellationToken.None);
        await started.Task;

        // Act
        clock.Advance(TimeSpan.FromMilliseconds(10));
        signal.NoteActivity();
        var finished = await FinishWithin(running, clock);

        // Assert
        Assert.False(finished, "the work said it had finished");
    }

    [Fact]
    public async Task Work_that_gives_way_finishes_while_intake_stays_quiet()
    {
        // Arrange: intake was busy before the work began, not since
        var clock = new FakeTimeProvider();
        var signal = new IndexingSignal(clock);
        signal.NoteActivity();
        clock.Advance(Quiet);
        var release = new TaskCompletionSource();
        var running = signal.RunUntilBusyAsync(token => release.Task.WaitAsync(token), CancellationToken.None);

        // Act
        clock.Advance(TimeSpan.FromSeconds(5));
        release.SetResult();
        var finished = await FinishWithin(running, clock);

        // Assert
        Assert.True(finished, "the work was stopped although nothing came in");
    }

    private static async Task<bool> FinishWithin(Task<bool> running, FakeTimeProvider clock)
    {
        await FinishAsync(running, clock);
        return await running;
    }

    /// <summary>
    /// An item every second: for <paramref name="seconds"/>, or until <paramref name="until"/> has
    /// finished (within a real deadline). Returns the seconds that passed.
    /// </summary>
    private static async Task<int> KeepBusyAsync(IndexingSignal signal, FakeTimeProvider clock, Task? until = null, int seconds = int.MaxValue)
    {
        var passed = 0;
        var deadline = Stopwatch.StartNew();
        while (passed < seconds && until?.IsCompleted != true && deadline.Elapsed < RealDeadline)
        {
            signal.NoteActivity();
            clock.Advance(TimeSpan.FromSeconds(1));
            passed++;
            await Task.Yield(); // the waiter's continuation runs on the test's context
        }

        return passed;
    }

    /// <summary>
    /// The waiter looks at the clock and then sets its next timer on a thread of its own, so a timer can
    /// be set just after the test's last step: move the clock on in small steps until it has finished.
    /// </summary>
    private static async Task FinishAsync(Task waiting, FakeTimeProvider clock)
    {
        var deadline = Stopwatch.StartNew();
        while (!waiting.IsCompleted && deadline.Elapsed < RealDeadline)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        Assert.True(waiting.IsCompleted, "it kept waiting after intake had been quiet");
        await waiting;
    }
}
