using ProposalPlatform.Infrastructure.Outbox;

namespace ProposalPlatform.UnitTests.Hosting;

public class Telling_the_relay_what_was_committed
{
    [Fact]
    public void Committed_rows_are_taken_oldest_first_and_each_once()
    {
        // Arrange
        var signal = new OutboxSignal();
        signal.Notify([1L, 2L, 3L]);
        signal.Notify([4L]);

        // Act
        var first = signal.TakeCommitted(3);
        var second = signal.TakeCommitted(3);
        var third = signal.TakeCommitted(3);

        // Assert
        Assert.Equal([1L, 2L, 3L], first);
        Assert.Equal([4L], second);
        Assert.Empty(third);
    }

    [Fact]
    public void Beyond_what_it_holds_the_relay_is_left_to_find_rows_by_its_search()
    {
        // Arrange
        var signal = new OutboxSignal();
        var rows = Enumerable.Range(1, OutboxSignal.MaxHeld + 5).Select(i => (long)i).ToArray();

        // Act
        signal.Notify(rows);
        var taken = signal.TakeCommitted(int.MaxValue);
        signal.Notify([99_999L]);

        // Assert: the first MaxHeld are held, the rest dropped; taking frees room again
        Assert.Equal(rows[..OutboxSignal.MaxHeld], taken);
        Assert.Equal([99_999L], signal.TakeCommitted(10));
    }

    [Fact]
    public async Task A_notification_wakes_the_relay()
    {
        var signal = new OutboxSignal();
        signal.Notify([7L]);

        // a wait of five minutes ends at once (a deadline of 30 s fails the test otherwise)
        await signal.WaitAsync(TimeSpan.FromMinutes(5), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
