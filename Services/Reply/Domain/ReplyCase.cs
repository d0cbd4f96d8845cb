namespace ProposalPlatform.Reply.Domain;

/// <summary>What the reply service knows of an item: enough to decide whether its formal reply may go out.</summary>
/// <param name="ReturnedAt">When the item went back to the assigning office as outside the body's remit; it gets no reply then.</param>
public sealed record ReplyCase(
    Guid ProposalId,
    string? UnitCode,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? ContactCompletedAt,
    string? DraftText,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? ReturnedAt = null);
