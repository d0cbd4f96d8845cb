using ProposalPlatform.Contracts;

namespace ProposalPlatform.ContactScheduling.Domain;

/// <summary>A contact a unit plans. For an entrusted visit the handler is left to the district.</summary>
/// <param name="SubmitterName">Whom the contact is with; the lead submitter when left out.</param>
public sealed record ContactPlanRequest(
    string? Channel, DateTimeOffset? PlannedStart, DateTimeOffset? PlannedEnd, string? Handler, string? SubmitterName = null);

public sealed record ValidPlan(ContactChannel Channel, DateTimeOffset Start, DateTimeOffset End, string? Handler, string? SubmitterName)
{
    public bool Entrusted => Channel == ContactChannel.EntrustedVisit;
}

public sealed record RescheduleRequest(DateTimeOffset? PlannedStart, DateTimeOffset? PlannedEnd, string? Reason);

public sealed record CancelRequest(string? Reason);

/// <param name="OccurredAt">When the contact took place; now when left out.</param>
public sealed record OutcomeRequest(string? Outcome, string? Notes, DateTimeOffset? OccurredAt = null);

/// <summary>The district fixes the time of an entrusted visit and who goes.</summary>
public sealed record EntrustedScheduleRequest(DateTimeOffset? PlannedStart, DateTimeOffset? PlannedEnd, string? Visitor, string? Reason = null);

/// <summary>The district reports on the visit it made.</summary>
public sealed record EntrustedReportRequest(string? Outcome, string? Report, DateTimeOffset? OccurredAt = null, string? Visitor = null);

public sealed record ValidTime(DateTimeOffset Start, DateTimeOffset End);

public sealed record ValidOutcome(ContactOutcome Outcome, string? Notes, DateTimeOffset OccurredAt);

/// <summary>Checks of every request that plans or changes a contact; each error names its field.</summary>
public static class PlanRules
{
    /// <summary>A planned contact lasts at most this long: a visit fits in a day.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(12);

    public const int MaxNameLength = 200;
    public const int MaxReasonLength = 2_000;

    public static (ValidPlan? Plan, Dictionary<string, string[]> Errors) Validate(ContactPlanRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var channel = ContactRules.ParseEnum<ContactChannel>(request.Channel, "channel", errors);
        var time = CheckTime(request.PlannedStart, request.PlannedEnd, now, errors);

        var entrusted = errors.ContainsKey("channel") is false && channel == ContactChannel.EntrustedVisit;
        if (!entrusted)
        {
            RequireName(errors, "handler", request.Handler, "The handler who makes the contact is required.");
        }
        else
        {
            OptionalName(errors, "handler", request.Handler);
        }

        OptionalName(errors, "submitterName", request.SubmitterName);
        return errors.Count > 0
            ? (null, errors)
            : (new ValidPlan(channel, time!.Start, time.End, request.Handler?.Trim(), request.SubmitterName?.Trim()), errors);
    }

    public static (ValidTime? Time, Dictionary<string, string[]> Errors) Validate(RescheduleRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var time = CheckTime(request.PlannedStart, request.PlannedEnd, now, errors);
        RequireText(errors, "reason", request.Reason, "Say why the contact moves.");
        return errors.Count > 0 ? (null, errors) : (time, errors);
    }

    public static Dictionary<string, string[]> Validate(CancelRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        RequireText(errors, "reason", request.Reason, "Say why the contact is cancelled.");
        return errors;
    }

    public static (ValidOutcome? Outcome, Dictionary<string, string[]> Errors) Validate(OutcomeRequest request, DateTimeOffset now) =>
        CheckOutcome(request.Outcome, request.Notes, "notes", request.OccurredAt, now, null, "by", required: false);

    public static (ValidTime? Time, Dictionary<string, string[]> Errors) Validate(EntrustedScheduleRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var time = CheckTime(request.PlannedStart, request.PlannedEnd, now, errors);
        RequireName(errors, "visitor", request.Visitor, "Name who from the district makes the visit.");
        if (request.Reason?.Length > MaxReasonLength)
        {
            errors["reason"] = [$"At most {MaxReasonLength} characters."];
        }

        return errors.Count > 0 ? (null, errors) : (time, errors);
    }

    public static (ValidOutcome? Outcome, Dictionary<string, string[]> Errors) Validate(EntrustedReportRequest request, DateTimeOffset now) =>
        CheckOutcome(request.Outcome, request.Report, "report", request.OccurredAt, now, request.Visitor, "visitor", required: true);

    private static (ValidOutcome?, Dictionary<string, string[]>) CheckOutcome(
        string? outcomeText, string? text, string textField, DateTimeOffset? occurredAt, DateTimeOffset now, string? by, string byField, bool required)
    {
        var errors = new Dictionary<string, string[]>();
        var outcome = ContactRules.ParseEnum<ContactOutcome>(outcomeText, "outcome", errors);
        if (required)
        {
            RequireText(errors, textField, text, "The district's report on the visit is required.");
        }

        if (text?.Length > ContactRules.MaxNotesLength)
        {
            errors[textField] = [$"At most {ContactRules.MaxNotesLength} characters."];
        }

        if (occurredAt > now + ContactRules.ClockTolerance)
        {
            errors["occurredAt"] = [$"An outcome is recorded after the contact; {occurredAt:O} is in the future."];
        }

        OptionalName(errors, byField, by);
        return errors.Count > 0 ? (null, errors) : (new ValidOutcome(outcome, text?.Trim(), occurredAt ?? now), errors);
    }

    private static ValidTime? CheckTime(DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (start is null)
        {
            errors["plannedStart"] = ["When the contact starts is required."];
        }
        else if (start < now - ContactRules.ClockTolerance)
        {
            errors["plannedStart"] = [$"A contact is planned ahead; {start:O} has passed (record a past contact instead)."];
        }

        if (end is null)
        {
            errors["plannedEnd"] = ["When the contact ends is required."];
        }
        else if (start is not null && end <= start)
        {
            errors["plannedEnd"] = ["A contact ends after it starts."];
        }
        else if (start is not null && end - start > MaxDuration)
        {
            errors["plannedEnd"] = [$"A contact lasts at most {MaxDuration.TotalHours} hours."];
        }

        return start is not null && end is not null ? new ValidTime(start.Value, end.Value) : null;
    }

    internal static void RequireName(Dictionary<string, string[]> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [message];
        }
        else
        {
            OptionalName(errors, field, value);
        }
    }

    internal static void OptionalName(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{field} cannot be blank; leave it out instead."];
        }
        else if (value.Length > MaxNameLength)
        {
            errors[field] = [$"At most {MaxNameLength} characters."];
        }
    }

    private static void RequireText(Dictionary<string, string[]> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [message];
        }
        else if (value.Length > MaxReasonLength && field != "report")
        {
            errors[field] = [$"At most {MaxReasonLength} characters."];
        }
    }
}
