using ProposalPlatform.Contracts;

namespace ProposalPlatform.Reply.Domain;

public sealed record FeedbackSubmission(string? OnResult, string? OnAttitude, string? Comments = null);

public sealed record FeedbackRequest(SatisfactionLevel OnResult, SatisfactionLevel OnAttitude, string? Comments);

/// <summary>The latest formal reply of an item, as feedback is recorded against it.</summary>
public sealed record LatestReply(Guid ReplyId, int Round, bool HasFeedback);

/// <summary>What recording feedback works on: who may act on the item, and its latest issued reply (none yet: null).</summary>
public sealed record FeedbackTarget(ProposalPlatform.Infrastructure.Authorization.ItemParties Parties, LatestReply? Latest);

/// <summary>The submitter's answer to the latest reply, and when it sends the item back for re-handling.</summary>
public static class FeedbackRules
{
    public const int MaxCommentsLength = 4_000;

    public static (FeedbackRequest? Request, Dictionary<string, string[]> Errors) Validate(FeedbackSubmission submission)
    {
        var errors = new Dictionary<string, string[]>();
        var hasResult = EnumNames.TryParse<SatisfactionLevel>(submission.OnResult, out var onResult);
        if (!hasResult)
        {
            errors["onResult"] = [$"The answer on the result is required: one of {EnumNames.List<SatisfactionLevel>()}."];
        }

        if (!EnumNames.TryParse<SatisfactionLevel>(submission.OnAttitude, out var onAttitude))
        {
            errors["onAttitude"] = [$"The answer on the body's attitude is required: one of {EnumNames.List<SatisfactionLevel>()}."];
        }

        if (submission.Comments?.Length > MaxCommentsLength)
        {
            errors["comments"] = [$"At most {MaxCommentsLength} characters."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new FeedbackRequest(onResult, onAttitude, string.IsNullOrWhiteSpace(submission.Comments) ? null : submission.Comments.Trim()), errors);
    }

    /// <summary>Feedback answers an issued reply, once.</summary>
    public static Refusal? RefuseFeedback(Guid proposalId, LatestReply? latest)
    {
        if (latest is null)
        {
            return new Refusal("No reply was issued.", $"Item {proposalId} has no issued formal reply to give feedback on.");
        }

        if (latest.HasFeedback)
        {
            return new Refusal(
                "The feedback was already recorded.",
                $"The submitter's feedback on the reply of round {latest.Round} for item {proposalId} (reply {latest.ReplyId}) is already recorded.");
        }

        return null;
    }

    /// <summary>Dissatisfaction with the result (not with the attitude alone) has the item handled again.</summary>
    public static bool RequestsReHandling(FeedbackRequest feedback) => feedback.OnResult == SatisfactionLevel.Dissatisfied;

    public static string ReHandlingReason(int round, FeedbackRequest feedback) =>
        feedback.Comments is { } comments
            ? $"The submitter is dissatisfied with the result of the reply of round {round}: {comments}"
            : $"The submitter is dissatisfied with the result of the reply of round {round}.";
}
