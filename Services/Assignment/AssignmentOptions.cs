namespace ProposalPlatform.Assignment;

/// <summary>The <c>Assignment</c> configuration section.</summary>
public sealed class AssignmentOptions
{
    public const string Section = "Assignment";

    /// <summary>Days after assignment during which an item may be returned to the assigning office.</summary>
    public int ReturnWindowDays { get; set; } = Domain.Returns.DefaultWindowDays;

    /// <summary>How long before a deadline <c>DeadlineApproaching</c> is sent.</summary>
    public int DeadlineWarningDays { get; set; } = Domain.DeadlineAlerts.DefaultWarningDays;

    /// <summary>How often the scheduler looks for deadlines to warn about.</summary>
    public TimeSpan DeadlineScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many alerts one scheduler transaction sends at most.</summary>
    public int DeadlineScanBatchSize { get; set; } = 500;
}
