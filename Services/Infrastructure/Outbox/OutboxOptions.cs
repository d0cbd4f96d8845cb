namespace ProposalPlatform.Infrastructure.Outbox;

public sealed class OutboxOptions
{
    /// <summary>Rows the relay takes in one transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How often the relay looks when no commit woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one batch may wait for the broker before its rows are retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first wait after a failed publish; it doubles with each attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
