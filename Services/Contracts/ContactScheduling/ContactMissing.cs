namespace ProposalPlatform.Contracts.ContactScheduling;

/// <summary>
/// Reminder: an assigned item has had no contact scheduled for <paramref name="DaysWithoutContact"/>
/// days since it was assigned (or reopened for re-handling). Sent once per item and round.
/// </summary>
public record ContactMissing(Guid ProposalId, string UnitCode, int Round, DateTimeOffset AssignedAt, int DaysWithoutContact, DateTimeOffset At);
