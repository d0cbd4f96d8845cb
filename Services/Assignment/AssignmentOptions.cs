namespace ProposalPlatform.Assignment;

/// <summary>The <c>Assignment</c> configuration section.</summary>
public sealed class AssignmentOptions
{
    public const string Section = "Assignment";

    /// <summary>Days after assignment during which an item may be returned to the assigning office.</summary>
    public int ReturnWindowDays { get; set; } = Domain.Returns.DefaultWindowDays;

    /// <summary>
    /// The lead times of <c>DeadlineApproaching</c>, in Beijing days before the due day, each sent once
    /// (<c>Assignment:DeadlineWarningDays:0=15</c>, <c>…:1=5</c>); unset: <see cref="Domain.DeadlineAlerts.DefaultWarningDays"/>.
    /// </summary>
    public int[]? DeadlineWarningDays { get; set; }

    /// <summary>The lead times in force: those configured, else the defaults.</summary>
    public IReadOnlyList<int> WarningDays => DeadlineWarningDays is { Length: > 0 } given ? given : Domain.DeadlineAlerts.DefaultWarningDays;

    /// <summary>How often the scheduler looks for deadlines to warn about.</summary>
    public TimeSpan DeadlineScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many alerts one scheduler transaction sends at most.</summary>
    public int DeadlineScanBatchSize { get; set; } = 500;
}
