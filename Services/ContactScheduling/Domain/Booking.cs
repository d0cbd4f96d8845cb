namespace ProposalPlatform.ContactScheduling.Domain;

/// <summary>A contact still planned: who makes it, whom it is with, and when.</summary>
/// <param name="Handler">Null for an entrusted visit whose district has not named its visitor yet.</param>
public sealed record PlannedSlot(Guid ContactId, Guid ProposalId, string? Handler, string SubmitterName, DateTimeOffset Start, DateTimeOffset End);

public enum ClashKind
{
    /// <summary>The same handler is booked elsewhere at that time.</summary>
    Handler = 1,
    /// <summary>The same submitter is booked elsewhere at that time.</summary>
    Submitter = 2,
}

/// <summary>A planned contact that a new booking would overlap.</summary>
public sealed record Clash(ClashKind Kind, PlannedSlot With);

/// <summary>No one is booked twice: a handler or a submitter is in one planned contact at a time.</summary>
public static class Booking
{
    /// <summary>Half-open intervals: a contact ending at 10:00 does not clash with one starting at 10:00.</summary>
    public static bool Overlaps(DateTimeOffset start, DateTimeOffset end, DateTimeOffset otherStart, DateTimeOffset otherEnd) =>
        start < otherEnd && otherStart < end;

    /// <summary>
    /// The first planned contact <paramref name="candidate"/> would clash with (the handler's clash
    /// first, then the submitter's, earliest first), or null. The candidate's own earlier slot (a
    /// reschedule) is not a clash.
    /// </summary>
    public static Clash? FindClash(PlannedSlot candidate, IEnumerable<PlannedSlot> planned)
    {
        var overlapping = planned
            .Where(p => p.ContactId != candidate.ContactId && Overlaps(candidate.Start, candidate.End, p.Start, p.End))
            .OrderBy(p => p.Start)
            .ThenBy(p => p.ContactId)
            .ToList();

        if (candidate.Handler is not null
            && overlapping.FirstOrDefault(p => p.Handler is not null && SubmitterNames.Same(p.Handler, candidate.Handler)) is { } handlerClash)
        {
            return new Clash(ClashKind.Handler, handlerClash);
        }

        return overlapping.FirstOrDefault(p => SubmitterNames.Same(p.SubmitterName, candidate.SubmitterName)) is { } submitterClash
            ? new Clash(ClashKind.Submitter, submitterClash)
            : null;
    }
}
