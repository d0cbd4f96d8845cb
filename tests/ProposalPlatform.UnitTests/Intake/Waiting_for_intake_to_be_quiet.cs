using Microsoft.Extensions.Time.Testing;
using ProposalPlatform.Intake.Workers;

namespace ProposalPlatform.UnitTests.Intake;

public class Waiting_for_intake_to_be_quiet
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

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
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
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

        // Act: an item every second for a minute
        for (var second = 0; second < 60; second++)
        {
            signal.NoteActivity();
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        // Assert
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(signal.BusyWithin(Quiet));
    }
}
