using System.ComponentModel.DataAnnotations;

namespace ProposalPlatform.Audit;

/// <summary>How long the audit trail is kept (section <c>Audit</c>).</summary>
public sealed class AuditOptions : IValidatableObject
{
    public const string Section = "Audit";

    /// <summary>Cybersecurity Law art. 21: network logs are kept for no less than six months.</summary>
    public static readonly TimeSpan LeastRetention = TimeSpan.FromDays(184);

    /// <summary>How long a record is kept: three years unless configured, never less than <see cref="LeastRetention"/>.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(3 * 365);

    /// <summary>How often the purge looks for records past <see cref="Retention"/>.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Records one purge statement removes; small, so no purge stands in the appends' way.</summary>
    [Range(1, 100_000)]
    public int PurgeBatchSize { get; set; } = 5_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Retention < LeastRetention)
        {
            yield return new ValidationResult(
                $"Audit:Retention is {Retention.TotalDays:0.#} days: the audit trail is kept at least {LeastRetention.TotalDays:0} days (Cybersecurity Law art. 21, six months).",
                [nameof(Retention)]);
        }

        if (PurgeInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Audit:PurgeInterval must be positive.", [nameof(PurgeInterval)]);
        }
    }
}
