namespace ProposalPlatform.Reply.Domain;

/// <summary>What the reply service knows of an item: enough to decide whether its formal reply may go out.</summary>
public sealed record ReplyCase(
    Guid ProposalId,
    string? UnitCode,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? ContactCompletedAt,
    string? DraftText,
    DateTimeOffset? IssuedAt);
