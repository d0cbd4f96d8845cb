using System.ComponentModel.DataAnnotations;

namespace ProposalPlatform.Notifications;

/// <summary>The <c>Notifications</c> configuration section: when the units' digests go out, and how a failed one is retried.</summary>
public sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// The Beijing time of day from which each unit's digest of the day is mailed (<c>08:00</c>); a notice
    /// that comes after its unit's digest of the day waits for the next day's.
    /// </summary>
    public TimeOnly DigestSendTime { get; set; } = new(8, 0);

    /// <summary>How often the mailer looks for digests to compose and mail.</summary>
    public TimeSpan DigestScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a notice waits for its item's number and title (they come with the item's assignment)
    /// before it is mailed without them.
    /// </summary>
    public TimeSpan ItemFactsWait { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The wait after a digest the mail server did not take; it doubles with each attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The portal's public address (e.g. <c>http://localhost:5100/</c>): each item in a digest links to its page there.</summary>
    [Url]
    public string? PortalAddress { get; set; }
}
