using System.Text.RegularExpressions;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.Reply.Domain;

/// <summary>A new version of the lead unit's draft; who saved it is the caller.</summary>
public sealed record DraftSubmission(string? Text);

/// <summary>The formal reply: its result class and the responsible leader and handler with their phones.</summary>
public sealed record IssueSubmission(
    string? ResultClass,
    string? LeaderName = null,
    string? LeaderPhone = null,
    string? HandlerName = null,
    string? HandlerPhone = null);

/// <summary>Why a formal reply may not be issued.</summary>
/// <param name="Missing">Everything the reply still lacks (contact, draft, signOff, submitters); empty when it is refused for another reason.</param>
public sealed record IssueRefusal(string Title, string Detail, IReadOnlyList<string>? Missing = null);

/// <summary>The guards in front of drafting and issuing a formal reply.</summary>
public static partial class ReplyRules
{
    public const int MaxDraftLength = 100_000;
    public const int MaxNameLength = 200;

    public const string ReturnedTitle = "The item was returned to the assigning office.";
    public const string IssuedTitle = "The reply was already issued.";
    public const string CoHandlingTitle = "This body only co-handles the item.";
    public const string ContactMissingTitle = "Contact with the submitter is missing.";
    public const string DraftMissingTitle = "The draft is missing.";
    public const string SignOffMissingTitle = "The draft is not signed off.";
    public const string SubmittersMissingTitle = "The submitters are unknown.";
    public const string InGroupTitle = "The item is handled in a merged group.";
    public const string GroupNotReadyTitle = "Not every item of the merged group can get its formal reply yet.";

    /// <summary>
    /// Why the current round's draft may not change or move on at all: its reply is out, the item went
    /// back to the assigning office, or this body only co-handles it (co-handlers send opinions, never replies).
    /// </summary>
    public static Refusal? RefuseWork(ReplyCase reply)
    {
        if (reply.IssuedAt is not null)
        {
            return new Refusal(IssuedTitle, $"The formal reply of round {reply.Round} for item {reply.ProposalId} was issued at {reply.IssuedAt:O}; its draft can no longer change.");
        }

        if (reply.ReturnedAt is not null)
        {
            return new Refusal(ReturnedTitle, $"Item {reply.ProposalId} was returned to the assigning office at {reply.ReturnedAt:O}; it gets no reply.");
        }

        if (reply.HandlingMode == HandlingMode.CoHandling)
        {
            return new Refusal(CoHandlingTitle, $"This body co-handles item {reply.ProposalId}: it sends its written opinion to the lead body and does not reply to the submitter.");
        }

        if (reply.IsGroupMember)
        {
            return new Refusal(InGroupTitle, GroupMemberDetail(reply));
        }

        return null;
    }

    private static string GroupMemberDetail(ReplyCase reply) =>
        $"Item {reply.ProposalId} is handled in merged group {reply.Group!.GroupId}: its draft, sign-off and reply go with the lead item {reply.Group.LeadProposalId}.";

    /// <summary>
    /// The reason the reply of the current round cannot be issued, or null when it can. A reply issued
    /// in this round, a returned item and a co-handled item are refused first; otherwise the refusal
    /// names everything missing, contact first: no formal reply without a completed contact in this round.
    /// </summary>
    public static IssueRefusal? RefuseIssue(ReplyCase reply)
    {
        if (reply.IssuedAt is not null)
        {
            return new IssueRefusal(IssuedTitle, $"The formal reply of round {reply.Round} for item {reply.ProposalId} was issued at {reply.IssuedAt:O}.");
        }

        if (reply.ReturnedAt is not null)
        {
            return new IssueRefusal(
                ReturnedTitle,
                $"Item {reply.ProposalId} was returned to the assigning office at {reply.ReturnedAt:O} as outside the body's remit; no formal reply is issued for it.");
        }

        if (reply.AssignedAt is null)
        {
            return new IssueRefusal("The item is not assigned.", $"Item {reply.ProposalId} has not been assigned to a handling unit.");
        }

        if (reply.HandlingMode == HandlingMode.CoHandling)
        {
            return new IssueRefusal(CoHandlingTitle, $"This body co-handles item {reply.ProposalId}: the lead body issues the formal reply.");
        }

        if (reply.IsGroupMember)
        {
            return new IssueRefusal(InGroupTitle, GroupMemberDetail(reply));
        }

        var missing = new List<(string Key, string Title, string Detail)>();
        if (reply.ContactCompletedAt is null)
        {
            missing.Add(("contact", ContactMissingTitle, $"a completed contact with the submitter in round {reply.Round}"));
        }

        if (string.IsNullOrWhiteSpace(reply.DraftText))
        {
            missing.Add(("draft", DraftMissingTitle, $"a draft reply in round {reply.Round}"));
        }
        else if (reply.SignOffStatus != SignOffStatus.SignedOff)
        {
            missing.Add(("signOff", SignOffMissingTitle,
                $"complete sign-off of draft version {reply.DraftVersion} (it is {SignOffRules.Describe(reply.SignOffStatus)})"));
        }

        if (reply.LeadSubmitterName is null)
        {
            missing.Add(("submitters", SubmittersMissingTitle, "the submitters to send it to (the item's registration has not reached the reply service)"));
        }

        if (missing.Count == 0)
        {
            return null;
        }

        return new IssueRefusal(
            missing[0].Title,
            $"Item {reply.ProposalId} cannot get its formal reply yet. Missing: {string.Join("; ", missing.Select(m => m.Detail))}.",
            missing.Select(m => m.Key).ToList());
    }

    /// <summary>The lead submitter first, then every co-signer: each is owed the reply.</summary>
    public static IReadOnlyList<string> RecipientsOf(ReplyCase reply) =>
        reply.LeadSubmitterName is null
            ? []
            : [reply.LeadSubmitterName, .. reply.CoSignerNames.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim())];

    public static Dictionary<string, string[]> ValidateDraft(DraftSubmission draft)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(draft.Text))
        {
            errors["text"] = ["The draft's text is required."];
        }
        else if (draft.Text.Length > MaxDraftLength)
        {
            errors["text"] = [$"At most {MaxDraftLength} characters."];
        }

        return errors;
    }

    public static (ResultClass? ResultClass, Dictionary<string, string[]> Errors) ValidateIssue(IssueSubmission issue)
    {
        var errors = new Dictionary<string, string[]>();
        if (EnumNames.TryParse<ResultClass>(issue.ResultClass, out var resultClass))
        {
            return (resultClass, errors);
        }

        errors["resultClass"] = [string.IsNullOrWhiteSpace(issue.ResultClass)
            ? "The result class is required: A (solved), B (being solved), C (to be solved later) or D (for reference)."
            : $"'{issue.ResultClass}' is not a result class: use A, B, C or D."];
        return (null, errors);
    }

    /// <summary>The responsible leader and handler, named on the reply with phones the submitter can call.</summary>
    public static Dictionary<string, string[]> ValidateSignatories(IssueSubmission issue)
    {
        var errors = new Dictionary<string, string[]>();
        RequireName(errors, "leaderName", issue.LeaderName, "The responsible leader's name is required.");
        RequirePhone(errors, "leaderPhone", issue.LeaderPhone, "The responsible leader's phone is required.");
        RequireName(errors, "handlerName", issue.HandlerName, "The handler's name is required.");
        RequirePhone(errors, "handlerPhone", issue.HandlerPhone, "The handler's phone is required.");
        return errors;
    }

    private static void RequireName(Dictionary<string, string[]> errors, string field, string? value, string required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [required];
        }
        else if (value.Trim().Length > MaxNameLength)
        {
            errors[field] = [$"At most {MaxNameLength} characters."];
        }
    }

    private static void RequirePhone(Dictionary<string, string[]> errors, string field, string? value, string required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [required];
        }
        else if (!Phone().IsMatch(value.Trim()))
        {
            errors[field] = ["Not a phone number: digits with optional +, spaces, hyphens, brackets and an extension, 5 to 30 characters."];
        }
    }

    [GeneratedRegex(@"^(?=(?:\D*\d){5})[+(]?[\d\s()\-]{4,28}\d(?:\s*(?:转|ext\.?|x)\s*\d{1,6})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
