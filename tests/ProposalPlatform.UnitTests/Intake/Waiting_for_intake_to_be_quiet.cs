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
        var seconds = 0;
        var deadline = Stopwatch.StartNew();
        while (!waiting.IsCompleted && deadline.Elapsed < RealDeadline)
        {
            signal.NoteActivity();
            clock.Advance(TimeSpan.FromSeconds(1));
            seconds++;
            await Task.Yield(); // the waiter's continuation runs on the test's context
        }

        // Assert
        Assert.True(waiting.IsCompleted, "it kept waiting while items kept coming");
        Assert.True(seconds >= MaxWait.TotalSeconds, $"it stopped waiting after {seconds} s, before the longest deferral");
        Assert.True(signal.BusyWithin(Quiet));
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
