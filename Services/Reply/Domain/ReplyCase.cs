using ProposalPlatform.Contracts;

namespace ProposalPlatform.Reply.Domain;

/// <summary>
/// What the reply service knows of an item in its current round: enough to decide whether a draft
/// may be saved, signed off and issued.
/// </summary>
/// <param name="ContactCompletedAt">The completed contact of the current round, if any.</param>
/// <param name="DraftText">The latest draft version of the current round, if any.</param>
/// <param name="IssuedAt">When the reply of the current round was issued, if it was.</param>
/// <param name="ReturnedAt">When the item went back to the assigning office as outside the body's remit; it gets no reply then.</param>
public sealed record ReplyCase(
    Guid ProposalId,
    string? UnitCode,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? ContactCompletedAt,
    string? DraftText,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? ReturnedAt = null)
{
    /// <summary>1 for the first handling, 2 and on after re-handling.</summary>
    public int Round { get; init; } = 1;

    public HandlingMode HandlingMode { get; init; } = HandlingMode.Lead;

    public bool IsKeyItem { get; init; }

    /// <summary>The number of <see cref="DraftText"/> within the round.</summary>
    public int? DraftVersion { get; init; }

    /// <summary>The sign-off steps recorded for the current draft version, oldest first.</summary>
    public IReadOnlyList<SignOffEntry> SignOffs { get; init; } = [];

    /// <summary>Null until the item's registration reached the reply service.</summary>
    public string? LeadSubmitterName { get; init; }

    public IReadOnlyList<string> CoSignerNames { get; init; } = [];

    /// <summary>The item's kind, session and number, which its reply letter names (unknown for an item registered before they travelled).</summary>
    public LetterItem Item { get; init; } = new(null, null, null);

    /// <summary>Every co-handling unit of the item.</summary>
    public IReadOnlyList<string> CoHandlerUnits { get; init; } = [];

    /// <summary>Co-handling units whose written opinion has not arrived.</summary>
    public IReadOnlyList<string> OutstandingOpinions { get; init; } = [];

    /// <summary>The open merged group (并案) the item is in, if any.</summary>
    public GroupMembership? Group { get; init; }

    /// <summary>In a merged group led by another item: its draft, sign-off and publication are the lead's.</summary>
    public bool IsGroupMember => Group is not null && Group.LeadProposalId != ProposalId;

    public SignOffStatus SignOffStatus => SignOffRules.StatusOf(SignOffs, IsKeyItem);
}

/// <summary>An item's place in an open merged group.</summary>
public sealed record GroupMembership(Guid GroupId, Guid LeadProposalId);
