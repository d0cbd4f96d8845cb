namespace ProposalPlatform.Intake.Domain;

/// <summary>Steps of an item's story that are not stages: they are recorded but do not move the item on.</summary>
public static class TimelineSteps
{
    public const string Corrected = "Corrected";
    public const string Reassigned = "Reassigned";
    public const string DeadlineExtended = "DeadlineExtended";
    public const string DeadlineMissed = "DeadlineMissed";
    public const string DeadlineApproaching = "DeadlineApproaching";
    public const string CoHandlingAssigned = "CoHandlingAssigned";
    public const string CoHandlingOpinion = "CoHandlingOpinion";
    public const string ContactScheduled = "ContactScheduled";
    public const string ContactRescheduled = "ContactRescheduled";
    public const string ContactCancelled = "ContactCancelled";
    public const string ContactOutcome = "ContactOutcome";
    public const string ContactMissing = "ContactMissing";
    public const string ReplyDrafted = "ReplyDrafted";
    public const string SignOff = "SignOff";
    public const string Feedback = "Feedback";
    public const string ReHandlingRequested = "ReHandlingRequested";
    public const string Reopened = "Reopened";
}

/// <summary>The service that reported a step of an item's story.</summary>
public static class StorySources
{
    public const string Intake = "intake";
    public const string Assignment = "assignment";
    public const string Contacts = "contactscheduling";
    public const string Reply = "reply";
}
