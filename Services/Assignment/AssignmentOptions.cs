using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.Assignment;

/// <summary>The <c>Assignment</c> configuration section.</summary>
public sealed class AssignmentOptions
{
    public const string Section = "Assignment";

    /// <summary>How long after assignment an item may be returned to the assigning office, by kind (<c>Assignment:ReturnWindow:Suggestion</c>, <c>…:Proposal</c>).</summary>
    public ReturnWindowOptions ReturnWindow { get; set; } = new();

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

/// <summary>
/// The return window in force for each kind of item: so many calendar or working days after the Beijing
/// day of assignment (the NPC's and the CPPCC's rules differ, and change). Set them to the rules in force.
/// </summary>
public sealed class ReturnWindowOptions
{
    /// <summary>An NPC deputy's suggestion (建议).</summary>
    public DayCountRule Suggestion { get; set; } = new() { Days = 10, Counting = DayCounting.CalendarDays };

    /// <summary>A CPPCC proposal (提案).</summary>
    public DayCountRule Proposal { get; set; } = new() { Days = 7, Counting = DayCounting.WorkingDays };

    public bool IsValid => Suggestion.IsValid && Proposal.IsValid;

    /// <summary>The rule of an item of <paramref name="kind"/>; <see cref="Returns.Unrecorded"/> for an item whose kind is not recorded here.</summary>
    public DayCountRule For(ProposalKind? kind) => kind switch
    {
        ProposalKind.Suggestion => Suggestion,
        ProposalKind.Proposal => Proposal,
        _ => Returns.Unrecorded,
    };
}
