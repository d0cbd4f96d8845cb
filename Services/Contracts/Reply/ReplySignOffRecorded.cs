namespace ProposalPlatform.Contracts.Reply;

/// <summary>A sign-off step approved the draft or sent it back with comments.</summary>
public record ReplySignOffRecorded(
    Guid ProposalId,
    int Round,
    int DraftVersion,
    SignOffStep Step,
    bool Approved,
    string By,
    string? Comments,
    DateTimeOffset At);
