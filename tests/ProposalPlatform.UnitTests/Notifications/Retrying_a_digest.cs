using ProposalPlatform.Notifications.Domain;

namespace ProposalPlatform.UnitTests.Notifications;

/// <summary>A digest the mail server did not take waits longer after each attempt, up to a ceiling, and is never given up.</summary>
public class Retrying_a_digest
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Ceiling = TimeSpan.FromMinutes(30);

    [Fact]
    public void A_new_digest_is_tried_at_once()
    {
        Assert.Equal((0, null), (MailAttempts.None.Attempts, MailAttempts.None.NextAttemptAt));
    }

    [Fact]
    public void Each_failure_doubles_the_wait_and_keeps_the_error()
    {
        var once = MailAttempts.None.Failed(Now, "SocketException: Connection refused", First, Ceiling);
        var twice = once.Failed(Now, "SocketException: Connection refused", First, Ceiling);
        var thrice = twice.Failed(Now, "SmtpCommandException: 451 try later", First, Ceiling);

        Assert.Equal((1, Now + First), (once.Attempts, once.NextAttemptAt!.Value));
        Assert.Equal((2, Now + 2 * First), (twice.Attempts, twice.NextAttemptAt!.Value));
        Assert.Equal((3, Now + 4 * First), (thrice.Attempts, thrice.NextAttemptAt!.Value));
        Assert.Equal("SmtpCommandException: 451 try later", thrice.LastError);
    }

    [Fact]
    public void Waits_at_most_the_ceiling_however_long_the_server_stays_away()
    {
        var state = MailAttempts.None;
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            state = state.Failed(Now, "down", First, Ceiling);
        }

        Assert.Equal(1000, state.Attempts);
        Assert.Equal(Now + Ceiling, state.NextAttemptAt);
    }
}
