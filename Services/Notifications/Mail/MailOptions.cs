using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace ProposalPlatform.Notifications.Mail;

/// <summary>
/// The <c>Mail</c> configuration section: the SMTP relay the digests are handed to. In local runs the
/// AppHost points it at its smtp4dev; a deployment names its own relay.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    [Required]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>
    /// TLS towards the relay, as MailKit names it: <c>None</c>, <c>StartTls</c> (required),
    /// <c>StartTlsWhenAvailable</c>, <c>SslOnConnect</c> (port 465) or <c>Auto</c>.
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>The address the digests come from.</summary>
    [Required]
    [EmailAddress]
    public string From { get; set; } = "";

    public string FromName { get; set; } = "建议提案办理平台";

    /// <summary>The relay's user and password, where it asks for them.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>How long one exchange with the relay may take before the digests are retried later.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
