using System.Globalization;

namespace ProposalPlatform.Assignment.Domain;

/// <summary>A deadline the rules state in days: how many, and whether they are calendar or working days.</summary>
public sealed class DayCountRule
{
    /// <summary>The most days a rule counts: a window so short reaches no further than the year after its start.</summary>
    public const int MaxDays = 60;

    public int Days { get; set; }

    public DayCounting Counting { get; set; } = DayCounting.CalendarDays;

    public bool IsValid => Days is >= 1 and <= MaxDays && Enum.IsDefined(Counting);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Days} {(Counting == DayCounting.WorkingDays ? "working" : "calendar")} days");
}
