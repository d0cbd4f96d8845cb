using ProposalPlatform.Contracts;

namespace ProposalPlatform.Intake.Domain;

/// <summary>What an item must carry to be taken in.</summary>
public static class ProposalRules
{
    public const int FirstSessionYear = 1954; // the first National People's Congress
    public const int MaxTitleLength = 500;
    public const int MaxTextLength = 100_000;
    public const int MaxNameLength = 200;

    /// <summary>Checks every field; returns the item, or every error keyed by the field's JSON path.</summary>
    public static (NewProposal? Proposal, Dictionary<string, string[]> Errors) Validate(ProposalSubmission submission, int currentYear)
    {
        var errors = new Dictionary<string, string[]>();

        ProposalKind kind = default;
        if (string.IsNullOrWhiteSpace(submission.Kind))
        {
            errors["kind"] = ["Kind is required: Suggestion or Proposal."];
        }
        else if (!EnumNames.TryParse(submission.Kind, out kind))
        {
            errors["kind"] = [$"'{submission.Kind}' is not a kind: use Suggestion or Proposal."];
        }

        var year = submission.Session?.Year;
        if (year is null)
        {
            errors["session.year"] = ["The session year is required."];
        }
        else if (year < FirstSessionYear || year > currentYear + 1)
        {
            errors["session.year"] = [$"The session year must be between {FirstSessionYear} and {currentYear + 1}."];
        }

        if (submission.Session?.Term is <= 0)
        {
            errors["session.term"] = ["The term must be a positive number."];
        }

        if (submission.Session?.Meeting is <= 0)
        {
            errors["session.meeting"] = ["The meeting must be a positive number."];
        }

        if (submission.Number is null)
        {
            errors["number"] = ["The item's number within its session is required."];
        }
        else if (submission.Number <= 0)
        {
            errors["number"] = ["The number must be a positive whole number."];
        }

        Require(errors, "title", submission.Title, MaxTitleLength);
        Require(errors, "text", submission.Text, MaxTextLength);
        Require(errors, "topic", submission.Topic, MaxNameLength);

        var submitter = submission.LeadSubmitter;
        if (submitter is null)
        {
            errors["leadSubmitter"] = ["The lead submitter is required (name, province, city)."];
        }
        else
        {
            Require(errors, "leadSubmitter.name", submitter.Name, MaxNameLength);
            Require(errors, "leadSubmitter.province", submitter.Province, MaxNameLength);
            Require(errors, "leadSubmitter.city", submitter.City, MaxNameLength);
            if (submitter.Delegation?.Length > MaxNameLength)
            {
                errors["leadSubmitter.delegation"] = [$"At most {MaxNameLength} characters."];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new NewProposal(
            kind,
            year!.Value,
            submission.Session!.Term,
            submission.Session.Meeting,
            submission.Number!.Value,
            submission.Title!.Trim(),
            submission.Text!.Trim(),
            submitter!.Name!.Trim(),
            string.IsNullOrWhiteSpace(submitter.Delegation) ? null : submitter.Delegation.Trim(),
            submitter.Province!.Trim(),
            submitter.City!.Trim(),
            submission.Topic!.Trim()), errors);
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{field} is required."];
        }
        else if (value.Trim().Length > maxLength)
        {
            errors[field] = [$"{field} has {value.Trim().Length} characters; at most {maxLength} are allowed."];
        }
    }
}
