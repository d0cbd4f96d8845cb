using ProposalPlatform.Contracts;

namespace ProposalPlatform.Reply.Domain;

public sealed record DraftSubmission(string? Text);

public sealed record IssueSubmission(string? ResultClass);

/// <summary>Why a formal reply may not be issued.</summary>
public sealed record IssueRefusal(string Title, string Detail);

/// <summary>The guards in front of a formal reply.</summary>
public static class ReplyRules
{
    public const int MaxDraftLength = 100_000;

    public const string ReturnedTitle = "The item was returned to the assigning office.";

    /// <summary>
    /// The reason the reply cannot be issued, or null when it can. A returned item is not this body's
    /// to answer; otherwise contact comes before everything: no formal reply can be issued for an item
    /// without a completed contact.
    /// </summary>
    public static IssueRefusal? RefuseIssue(ReplyCase reply)
    {
        if (reply.IssuedAt is not null)
        {
            return new IssueRefusal("The reply was already issued.", $"The formal reply for item {reply.ProposalId} was issued at {reply.IssuedAt:O}.");
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

        if (reply.ContactCompletedAt is null)
        {
            return new IssueRefusal(
                "Contact with the submitter is missing.",
                $"No completed contact with the submitter is recorded for item {reply.ProposalId}; record one before issuing the formal reply.");
        }

        if (string.IsNullOrWhiteSpace(reply.DraftText))
        {
            return new IssueRefusal("The draft is missing.", $"Item {reply.ProposalId} has no draft reply to issue.");
        }

        return null;
    }

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
}
