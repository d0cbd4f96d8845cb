using ProposalPlatform.Contracts;

namespace ProposalPlatform.ContactScheduling.Domain;

/// <summary>A contact as a handling unit records it after the fact.</summary>
/// <param name="SubmitterName">Whom the contact was with; the lead submitter when left out.</param>
public sealed record ContactSubmission(string? Channel, DateTimeOffset? OccurredAt, string? Outcome, string? Handler, string? Notes, string? SubmitterName = null);

/// <summary>A contact that passed every check.</summary>
public sealed record ValidContact(ContactChannel Channel, DateTimeOffset OccurredAt, ContactOutcome Outcome, string Handler, string? Notes, string? SubmitterName = null)
{
    /// <summary>Only a contact in which the submitter was actually reached satisfies contact-before-reply.</summary>
    public bool Completes => ContactRequirement.Reached(Outcome);
}

public static class ContactRules
{
    /// <summary>Clocks drift; a contact stamped a little ahead of the server is still accepted.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    public const int MaxNotesLength = 10_000;

    public static (ValidContact? Contact, Dictionary<string, string[]> Errors) Validate(ContactSubmission submission, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();

        var channel = ParseEnum<ContactChannel>(submission.Channel, "channel", errors);
        var outcome = ParseEnum<ContactOutcome>(submission.Outcome, "outcome", errors);

        if (submission.OccurredAt is null)
        {
            errors["occurredAt"] = ["When the contact took place is required."];
        }
        else if (submission.OccurredAt > now + ClockTolerance)
        {
            errors["occurredAt"] = [$"A contact is recorded after it took place; {submission.OccurredAt:O} is in the future."];
        }

        PlanRules.RequireName(errors, "handler", submission.Handler, "The handler who made the contact is required.");

        if (submission.Notes?.Length > MaxNotesLength)
        {
            errors["notes"] = [$"At most {MaxNotesLength} characters."];
        }

        if (submission.SubmitterName is not null && string.IsNullOrWhiteSpace(submission.SubmitterName))
        {
            errors["submitterName"] = ["Name the submitter, or leave submitterName out for the lead submitter."];
        }
        else
        {
            PlanRules.OptionalName(errors, "submitterName", submission.SubmitterName);
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ValidContact(channel, submission.OccurredAt!.Value, outcome, submission.Handler!.Trim(), submission.Notes?.Trim(), submission.SubmitterName?.Trim()), errors);
    }

    internal static T ParseEnum<T>(string? value, string field, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (EnumNames.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        errors[field] = [string.IsNullOrWhiteSpace(value)
            ? $"{field} is required: one of {EnumNames.List<T>()}."
            : $"'{value}' is not a valid {field}: use one of {EnumNames.List<T>()}."];
        return default;
    }
}
