namespace ProposalPlatform.Contracts.Reply;

/// <summary>The formal reply went to the submitter.</summary>
public record ReplyIssued(
    Guid ProposalId,
    Guid ReplyId,
    ResultClass ResultClass,
    DateTimeOffset IssuedAt);
