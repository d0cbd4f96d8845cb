using System.Text.RegularExpressions;
using ProposalPlatform.Contracts;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Intake.Domain;

/// <summary>What an item must carry to be taken in.</summary>
public static partial class ProposalRules
{
    public const int FirstSessionYear = 1954; // the first National People's Congress
    public const int MaxTitleLength = 500;
    public const int MaxTextLength = 100_000;
    public const int MaxNameLength = 200;
    public const int MaxCoSigners = 500;
    public const int MaxTags = 20;
    public const int MaxTagLength = 50;
    public const int MaxPhoneLength = 40;
    public const int MaxAddressLength = 500;
    public const int MaxReferenceLength = 100;

    /// <summary>Checks every field; returns the item, or every error keyed by the field's JSON path.</summary>
    public static (NewProposal? Proposal, Dictionary<string, string[]> Errors) Validate(ProposalSubmission submission, int currentYear)
    {
        var errors = new Dictionary<string, string[]>();

        ProposalKind kind = default;
        var kindKnown = false;
        if (string.IsNullOrWhiteSpace(submission.Kind))
        {
            errors["kind"] = ["Kind is required: Suggestion or Proposal."];
        }
        else if (!EnumNames.TryParse(submission.Kind, out kind))
        {
            // an error names the field, never the value: a batch's errors are stored, and in a row shifted by
            // a column any cell may hold a submitter's phone or address
            errors["kind"] = ["Not a kind: use Suggestion or Proposal."];
        }
        else
        {
            kindKnown = true;
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

        Submitter? lead = null;
        if (submission.LeadSubmitter is null)
        {
            errors["leadSubmitter"] = ["The lead submitter is required (name, province, city)."];
        }
        else
        {
            lead = ValidateSubmitter(errors, "leadSubmitter", submission.LeadSubmitter, kindKnown ? kind : null, placeRequired: true);
        }

        var coSigners = new List<Submitter>();
        if (submission.CoSigners is { Count: > MaxCoSigners })
        {
            errors["coSigners"] = [$"At most {MaxCoSigners} co-signers."];
        }
        else if (submission.CoSigners is not null)
        {
            for (var i = 0; i < submission.CoSigners.Count; i++)
            {
                var input = submission.CoSigners[i];
                if (input is null)
                {
                    errors[$"coSigners[{i}]"] = ["A co-signer cannot be empty."];
                    continue;
                }

                // the assigning office's lists often give a co-signer's name alone: only the lead's place routes a visit
                if (ValidateSubmitter(errors, $"coSigners[{i}]", input, kindKnown ? kind : null, placeRequired: false) is { } coSigner)
                {
                    coSigners.Add(coSigner);
                }
            }
        }

        var tags = ValidateTags(errors, submission.Tags);

        var mode = HandlingMode.Lead;
        if (submission.HandlingMode is not null && !EnumNames.TryParse(submission.HandlingMode, out mode))
        {
            errors["handlingMode"] = [$"Not a handling mode: use {EnumNames.List<HandlingMode>()}."];
        }

        var supervisingBody = Optional(errors, "supervisingBody", submission.SupervisingBody, MaxNameLength);
        var batchReference = Optional(errors, "batchReference", submission.BatchReference, MaxReferenceLength);
        if (submission.AssignedByOfficeAt is { } assignedAt && (assignedAt.Year < FirstSessionYear || assignedAt.Year > currentYear + 1))
        {
            errors["assignedByOfficeAt"] = [$"The date of assignment must be between {FirstSessionYear} and {currentYear + 1}."];
        }

        var unitCode = submission.SubmittingUnitCode?.Trim();
        if (string.IsNullOrEmpty(unitCode))
        {
            unitCode = null;
        }
        else if (!UnitCodePattern().IsMatch(unitCode))
        {
            errors["submittingUnitCode"] = ["A unit code has 1 to 32 letters, digits, '-' or '_'."];
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
            lead!.Name,
            lead.Delegation,
            lead.Province!,
            lead.City!,
            submission.Topic!.Trim(),
            lead,
            coSigners,
            tags,
            mode,
            submission.IsKeyItem ?? false,
            supervisingBody,
            batchReference,
            submission.AssignedByOfficeAt,
            unitCode), errors);
    }

    /// <summary>The submitter kind an item's kind implies when none is given.</summary>
    public static SubmitterKind DefaultSubmitterKind(ProposalKind kind) =>
        kind == ProposalKind.Suggestion ? SubmitterKind.Deputy : SubmitterKind.Member;

    private static Submitter? ValidateSubmitter(Dictionary<string, string[]> errors, string path, SubmitterInput input, ProposalKind? itemKind, bool placeRequired)
    {
        var before = errors.Count;
        Require(errors, $"{path}.name", input.Name, MaxNameLength);
        string? province = null, city = null;
        if (placeRequired)
        {
            Require(errors, $"{path}.province", input.Province, MaxNameLength);
            Require(errors, $"{path}.city", input.City, MaxNameLength);
            (province, city) = (input.Province?.Trim(), input.City?.Trim());
        }
        else
        {
            province = Optional(errors, $"{path}.province", input.Province, MaxNameLength);
            city = Optional(errors, $"{path}.city", input.City, MaxNameLength);
        }

        var delegation = Optional(errors, $"{path}.delegation", input.Delegation, MaxNameLength);
        var sector = Optional(errors, $"{path}.sector", input.Sector, MaxNameLength);
        var address = Optional(errors, $"{path}.address", input.Address, MaxAddressLength);
        var phone = Optional(errors, $"{path}.phone", input.Phone, MaxPhoneLength);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            errors[$"{path}.phone"] = ["A phone number has digits, spaces, '+', '-', '(' and ')' only."];
        }

        var submitterKind = itemKind is { } k ? DefaultSubmitterKind(k) : SubmitterKind.Deputy;
        if (input.Kind is not null)
        {
            if (!EnumNames.TryParse(input.Kind, out submitterKind))
            {
                errors[$"{path}.kind"] = [$"Not a submitter kind: use {EnumNames.List<SubmitterKind>()}."];
            }
            else if (itemKind == ProposalKind.Suggestion && submitterKind != SubmitterKind.Deputy)
            {
                errors[$"{path}.kind"] = ["A suggestion is raised by NPC deputies only."];
            }
            else if (itemKind == ProposalKind.Proposal && submitterKind == SubmitterKind.Deputy)
            {
                errors[$"{path}.kind"] = ["A proposal is raised by CPPCC members or organisations, not by deputies."];
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new Submitter(submitterKind, input.Name!.Trim(), delegation, sector, province, city, phone, address);
    }

    private static List<string> ValidateTags(Dictionary<string, string[]> errors, IReadOnlyList<string?>? input)
    {
        var tags = new List<string>();
        if (input is null)
        {
            return tags;
        }

        if (input.Count > MaxTags)
        {
            errors["tags"] = [$"At most {MaxTags} tags."];
            return tags;
        }

        for (var i = 0; i < input.Count; i++)
        {
            var tag = input[i]?.Trim();
            if (string.IsNullOrEmpty(tag))
            {
                errors[$"tags[{i}]"] = ["A tag cannot be blank."];
            }
            else if (tag.Length > MaxTagLength)
            {
                errors[$"tags[{i}]"] = [$"A tag has at most {MaxTagLength} characters."];
            }
            else if (PlainText.FirstForbidden(tag) is { } at)
            {
                errors[$"tags[{i}]"] = [PlainText.Describe(tag, at)];
            }
            else if (!tags.Contains(tag, StringComparer.Ordinal))
            {
                tags.Add(tag);
            }
        }

        return tags;
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
        else if (PlainText.FirstForbidden(value) is { } at)
        {
            errors[field] = [PlainText.Describe(value, at)];
        }
    }

    private static string? Optional(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors[field] = [$"At most {maxLength} characters."];
            return null;
        }

        if (PlainText.FirstForbidden(trimmed) is { } at)
        {
            errors[field] = [PlainText.Describe(trimmed, at)];
            return null;
        }

        return trimmed;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex UnitCodePattern();

    [GeneratedRegex(@"^[0-9+\-() ]+$")]
    private static partial Regex PhonePattern();
}
