namespace ProposalPlatform.ContactScheduling.Domain;

/// <summary>Where a contact stands: planned for a time, done with an outcome, or called off.</summary>
public enum ContactStatus
{
    Planned = 1,
    Done = 2,
    Cancelled = 3,
}
