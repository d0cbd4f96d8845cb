namespace ProposalPlatform.Contracts.Reply;

/// <summary>The formal reply went to the submitter and every co-signer.</summary>
/// <param name="Round">1 for the first reply, 2 and on for replies after re-handling.</param>
/// <param name="Recipients">How many submitters it went to (the lead and every co-signer).</param>
/// <param name="LetterNumber">The number (文号) of the letter it went as; absent from messages published before replies were letters.</param>
/// <param name="GroupId">The merged group (并案) whose one signed-off draft it went out with, if any.</param>
public record ReplyIssued(
    Guid ProposalId,
    Guid ReplyId,
    ResultClass ResultClass,
    DateTimeOffset IssuedAt,
    int Round = 1,
    int Recipients = 1,
    PublicationDecision Publication = PublicationDecision.NotPublic,
    string? LetterNumber = null,
    Guid? GroupId = null);
