namespace ProposalPlatform.Intake.Domain;

/// <summary>Steps of an item's story that are not stages: they are recorded but do not move the item on.</summary>
public static class TimelineSteps
{
    public const string Reassigned = "Reassigned";
    public const string DeadlineExtended = "DeadlineExtended";
    public const string DeadlineMissed = "DeadlineMissed";
}
