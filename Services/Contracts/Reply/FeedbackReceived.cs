namespace ProposalPlatform.Contracts.Reply;

/// <summary>The submitter answered a reply: satisfied or not with its result and with the body's attitude.</summary>
public record FeedbackReceived(
    Guid ProposalId,
    Guid ReplyId,
    int Round,
    SatisfactionLevel OnResult,
    SatisfactionLevel OnAttitude,
    DateTimeOffset At);
