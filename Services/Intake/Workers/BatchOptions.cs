using System.ComponentModel.DataAnnotations;

namespace ProposalPlatform.Intake.Workers;

/// <summary>Configuration section <c>Intake:Batches</c>.</summary>
public sealed class BatchOptions
{
    public const string Section = "Intake:Batches";

    /// <summary>
    /// How often batches left in processing with nobody working on them (the service stopped or died
    /// mid-way, or a passing outage interrupted them) are looked for and finished, from the start on.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ResumeInterval { get; set; } = TimeSpan.FromSeconds(15);
}
