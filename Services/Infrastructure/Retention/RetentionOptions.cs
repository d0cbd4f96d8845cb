using System.ComponentModel.DataAnnotations;

namespace ProposalPlatform.Infrastructure.Retention;

/// <summary>How long a service keeps what its outbox sent and the ids its inbox applied (section <c>Retention</c>).</summary>
public sealed class RetentionOptions : IValidatableObject
{
    public const string Section = "Retention";

    /// <summary>A sent outbox row is kept this long, to look into what was published.</summary>
    public TimeSpan SentOutboxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>An applied message id is kept this long: a redelivery later than this would be applied again.</summary>
    public TimeSpan InboxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the purge looks.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows one statement deletes; small, so no lock or I/O burst stands in the items' way.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1_000;

    /// <summary>The pause between two batches of one purge.</summary>
    public TimeSpan Pause { get; set; } = TimeSpan.FromMilliseconds(100);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // a broker redelivers within minutes; a day is the least that keeps every redelivery harmless
        if (InboxAge < TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("Retention:InboxAge must be at least a day: a redelivered message must find its id.", [nameof(InboxAge)]);
        }

        if (SentOutboxAge < TimeSpan.Zero || Interval <= TimeSpan.Zero || Pause < TimeSpan.Zero)
        {
            yield return new ValidationResult("Retention:SentOutboxAge and Pause cannot be negative, Interval must be positive.", [nameof(Interval)]);
        }
    }
}
