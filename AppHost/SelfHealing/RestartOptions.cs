namespace ProposalPlatform.AppHost.SelfHealing;

/// <summary>
/// The <c>Platform:Restart</c> section: how the AppHost starts again a service, the broker, the database or
/// the mail server that ended without being asked to (see <see cref="RestartPolicy"/>).
/// </summary>
public sealed class RestartOptions
{
    public const string Section = "Platform:Restart";

    /// <summary>Off: what dies stays down, as Aspire leaves it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The wait before the first restart; each further one waits about twice as long, with jitter.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two restarts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a restarted resource runs healthily before the waits start again from <see cref="FirstDelay"/>.</summary>
    public TimeSpan HealthyFor { get; set; } = TimeSpan.FromMinutes(1);
}
