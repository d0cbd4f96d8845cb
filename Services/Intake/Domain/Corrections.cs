namespace ProposalPlatform.Intake.Domain;

/// <summary>
/// An amendment of an item: only the fields given change; the reason is required. Kind, session
/// year and number identify the item and cannot be corrected (a wrong one is a different item).
/// </summary>
public sealed record CorrectionSubmission(
    string? Reason,
    string? Title = null,
    string? Text = null,
    string? Topic = null,
    IReadOnlyList<string?>? Tags = null,
    string? HandlingMode = null,
    bool? IsKeyItem = null,
    string? SupervisingBody = null,
    SubmitterInput? LeadSubmitter = null,
    IReadOnlyList<SubmitterInput?>? CoSigners = null,
    int? SessionTerm = null,
    int? SessionMeeting = null,
    DateTimeOffset? AssignedByOfficeAt = null);

/// <summary>A correction that passed every check, with the names (JSON paths) of the fields it changes.</summary>
public sealed record Correction(NewProposal Corrected, string Reason, IReadOnlyList<string> ChangedFields);

public static class Corrections
{
    public const int MaxReasonLength = 2000;

    /// <summary>Applies <paramref name="correction"/> to <paramref name="current"/> and checks the result like a new item.</summary>
    public static (Correction? Correction, Dictionary<string, string[]> Errors) Apply(NewProposal current, CorrectionSubmission correction, int currentYear)
    {
        var merged = new ProposalSubmission(
            current.Kind.ToString(),
            new SessionInput(current.SessionYear, correction.SessionTerm ?? current.SessionTerm, correction.SessionMeeting ?? current.SessionMeeting),
            current.Number,
            correction.Title ?? current.Title,
            correction.Text ?? current.Text,
            correction.LeadSubmitter ?? ToInput(current.LeadSubmitter),
            correction.Topic ?? current.Topic,
            correction.CoSigners ?? [.. current.CoSigners.Select(ToInput)],
            correction.Tags ?? [.. current.Tags],
            correction.HandlingMode ?? current.HandlingMode.ToString(),
            correction.IsKeyItem ?? current.IsKeyItem,
            correction.SupervisingBody ?? current.SupervisingBody,
            current.BatchReference,
            correction.AssignedByOfficeAt ?? current.AssignedByOfficeAt,
            current.SubmittingUnitCode);

        var (corrected, errors) = ProposalRules.Validate(merged, currentYear);
        var reason = correction.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors["reason"] = ["A correction needs a reason."];
        }
        else if (reason.Length > MaxReasonLength)
        {
            errors["reason"] = [$"At most {MaxReasonLength} characters."];
        }

        if (errors.Count > 0 || corrected is null)
        {
            return (null, errors);
        }

        var changed = ChangedFields(current, corrected);
        if (changed.Count == 0)
        {
            errors["correction"] = ["The correction changes nothing: give at least one field with a new value."];
            return (null, errors);
        }

        return (new Correction(corrected, reason!, changed), errors);
    }

    public static IReadOnlyList<string> ChangedFields(NewProposal before, NewProposal after)
    {
        var changed = new List<string>();
        void Check(bool differs, string field)
        {
            if (differs)
            {
                changed.Add(field);
            }
        }

        Check(before.SessionTerm != after.SessionTerm, "session.term");
        Check(before.SessionMeeting != after.SessionMeeting, "session.meeting");
        Check(before.Title != after.Title, "title");
        Check(before.Text != after.Text, "text");
        Check(before.Topic != after.Topic, "topic");
        Check(!before.Tags.SequenceEqual(after.Tags), "tags");
        Check(before.HandlingMode != after.HandlingMode, "handlingMode");
        Check(before.IsKeyItem != after.IsKeyItem, "isKeyItem");
        Check(before.SupervisingBody != after.SupervisingBody, "supervisingBody");
        Check(before.LeadSubmitter != after.LeadSubmitter, "leadSubmitter");
        Check(!before.CoSigners.SequenceEqual(after.CoSigners), "coSigners");
        Check(before.AssignedByOfficeAt != after.AssignedByOfficeAt, "assignedByOfficeAt");
        return changed;
    }

    private static SubmitterInput ToInput(Submitter s) =>
        new(s.Name, s.Delegation, s.Province, s.City, s.Kind.ToString(), s.Sector, s.Phone, s.Address);
}
