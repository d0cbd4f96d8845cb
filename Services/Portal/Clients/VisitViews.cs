namespace ProposalPlatform.Portal.Clients;

/// <summary>A visit entrusted to a district, as contact scheduling lists it (its ContactView).</summary>
public sealed record EntrustedVisit(
    Guid Id,
    Guid ProposalId,
    string Status,
    DateTimeOffset? PlannedStart,
    DateTimeOffset? PlannedEnd,
    DateTimeOffset? OccurredAt,
    string? Outcome,
    string? Handler,
    string? SubmitterName,
    string? EntrustedUnitCode,
    string? EntrustingUnitCode,
    string? Report,
    string? CancelledReason,
    IReadOnlyList<VisitChange>? History)
{
    /// <summary>Where the visit stands for the district: to schedule, scheduled, reported or cancelled.</summary>
    public string State => Status switch
    {
        "Done" => "Reported",
        "Cancelled" => "Cancelled",
        _ => History?.Any(c => c.Kind == "DistrictScheduled") == true ? "Scheduled" : "ToSchedule",
    };

    public bool Open => Status == "Planned";
}

public sealed record VisitChange(string Kind, string By, DateTimeOffset At, string? Reason);

/// <summary>A handling unit of the registry, for its name.</summary>
public sealed record UnitSummary(string Code, string Name, string Kind);
