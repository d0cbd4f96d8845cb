namespace ProposalPlatform.ContactScheduling.Domain;

/// <summary>What a contact's state allows: only a planned contact is moved, called off or given an outcome.</summary>
public static class ContactTransitions
{
    /// <summary>Why <paramref name="status"/> refuses to be rescheduled, or null when it may be.</summary>
    public static string? RefuseReschedule(ContactStatus status) => status switch
    {
        ContactStatus.Planned => null,
        ContactStatus.Done => "The contact took place: its outcome is recorded and its time cannot move.",
        _ => "The contact was cancelled: plan a new one instead.",
    };

    public static string? RefuseCancel(ContactStatus status) => status switch
    {
        ContactStatus.Planned => null,
        ContactStatus.Done => "The contact took place: its outcome is recorded and it cannot be cancelled.",
        _ => "The contact is already cancelled.",
    };

    /// <param name="entrusted">An entrusted visit's outcome is the district's report, not the unit's.</param>
    /// <param name="byDistrict">The outcome comes from the district the visit is entrusted to.</param>
    public static string? RefuseOutcome(ContactStatus status, bool entrusted, bool byDistrict) => status switch
    {
        ContactStatus.Done => "The contact's outcome is already recorded.",
        ContactStatus.Cancelled => "The contact was cancelled: it has no outcome.",
        _ when entrusted && !byDistrict => "The visit is entrusted to a customs district: its outcome is the district's report.",
        _ when !entrusted && byDistrict => "The contact is not an entrusted visit: its unit records its outcome.",
        _ => null,
    };

    /// <summary>Why a new time is no change at all, or null.</summary>
    public static string? RefuseSameTime(DateTimeOffset oldStart, DateTimeOffset oldEnd, DateTimeOffset newStart, DateTimeOffset newEnd) =>
        oldStart == newStart && oldEnd == newEnd ? "The contact is already planned for that time." : null;
}
