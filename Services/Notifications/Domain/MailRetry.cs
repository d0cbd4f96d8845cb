namespace ProposalPlatform.Notifications.Domain;

/// <summary>
/// A digest waiting to be mailed: how often the mail server did not take it, and when it is tried next
/// (none: at once). The sender takes the digests whose <see cref="NextAttemptAt"/> has come.
/// </summary>
public sealed record MailAttempts(int Attempts, DateTimeOffset? NextAttemptAt, string? LastError)
{
    public static readonly MailAttempts None = new(0, null, null);

    /// <summary>
    /// The state after one more failed attempt: the wait doubles from <paramref name="firstDelay"/> with each
    /// attempt, up to <paramref name="maxDelay"/>, and the digest is tried again after it, however long
    /// the mail server stays away: a digest is never given up.
    /// </summary>
    public MailAttempts Failed(DateTimeOffset now, string error, TimeSpan firstDelay, TimeSpan maxDelay)
    {
        var attempts = Attempts + 1;
        var delay = TimeSpan.FromTicks((long)Math.Min(firstDelay.Ticks * Math.Pow(2, Math.Min(attempts - 1, 30)), maxDelay.Ticks));
        return new MailAttempts(attempts, now + delay, error);
    }
}
