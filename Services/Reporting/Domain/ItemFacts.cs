using ProposalPlatform.Contracts;

namespace ProposalPlatform.Reporting.Domain;

/// <summary>
/// What the views know of one registered item, all that the year's figures are computed from: every
/// count is a count of these, never a figure typed in.
/// </summary>
/// <param name="FirstDueAt">The first round's reply deadline in force: the assignment's, or the latest extension's.</param>
/// <param name="MergedGroup">The merged group (并案) the item is in: the smallest id of the group, or null.</param>
public sealed record ItemFacts(
    Guid Id,
    ProposalKind Kind,
    int Year,
    int? Term,
    int? Meeting,
    string Topic,
    HandlingMode Mode,
    bool IsKeyItem,
    string? LeadUnit,
    string? LeadUnitName,
    string? SubmittingUnit,
    DateTimeOffset? FirstDueAt,
    bool Returned,
    IReadOnlyList<RoundDeadline> Reopenings,
    IReadOnlyList<ReplyFact> Replies,
    IReadOnlyList<CompletionFact> Completions,
    IReadOnlyList<ContactFact> Contacts,
    IReadOnlyList<FeedbackFact> Feedback,
    IReadOnlyList<int> ReHandlingRounds,
    Guid? MergedGroup)
{
    /// <summary>The body replies to the submitter itself (lead, sole, separate): the article's "replied directly".</summary>
    public bool RepliedDirectly => Mode is HandlingMode.Lead or HandlingMode.Sole or HandlingMode.Separate;

    /// <summary>A reply is owed: the body replies itself and the item was not returned.</summary>
    public bool OwesReply => RepliedDirectly && !Returned;

    /// <summary>The handling round now open: 1, or the last re-handling's.</summary>
    public int Round => Reopenings.Count == 0 ? 1 : Math.Max(1, Reopenings.Max(r => r.Round));

    /// <summary>The deadline of a round's reply: the first round's in force, or the re-handling's.</summary>
    public DateTimeOffset? DueAt(int round) => round == 1 ? FirstDueAt : Reopenings.FirstOrDefault(r => r.Round == round)?.DueAt;

    /// <summary>The reply that stands: the last issued.</summary>
    public ReplyFact? LatestReply => Replies.Count == 0 ? null : Replies.MaxBy(r => (r.Round, r.IssuedAt));

    /// <summary>Overdue now: a reply is owed in the open round, none was issued, and its deadline has passed.</summary>
    public bool IsOverdue(DateTimeOffset now) =>
        OwesReply && !Replies.Any(r => r.Round == Round) && DueAt(Round) is { } due && due < now;

    /// <summary>Issued by the deadline of its round, extensions counted.</summary>
    public bool OnTime(ReplyFact reply) => DueAt(reply.Round) is { } due && reply.IssuedAt <= due;

    /// <summary>A contact with the lead submitter was completed in the reply's round before it was issued.</summary>
    public bool ContactedBefore(ReplyFact reply) => Completions.Any(c => c.Round == reply.Round && c.CompletedAt <= reply.IssuedAt);

    /// <summary>The contacts that reached the submitter (whatever came of them after).</summary>
    public IEnumerable<ContactFact> ContactsMade => Contacts.Where(c => c.Made);

    /// <summary>At least one contact that reached the submitter was face to face.</summary>
    public bool MetFaceToFace => ContactsMade.Any(c => c.FaceToFace);
}

public sealed record RoundDeadline(int Round, DateTimeOffset DueAt);

public sealed record ReplyFact(int Round, ResultClass ResultClass, DateTimeOffset IssuedAt);

public sealed record CompletionFact(int Round, ContactChannel Channel, DateTimeOffset CompletedAt);

/// <param name="EntrustedUnit">The customs district entrusted with the visit, if it was one.</param>
public sealed record ContactFact(ContactChannel? Channel, string? EntrustedUnit, bool Cancelled, ContactOutcome? Outcome)
{
    /// <summary>The submitter was reached.</summary>
    public bool Made => Outcome is ContactOutcome.ReachedAndAgreed or ContactOutcome.FaceToFaceRequested;

    /// <summary>A visit, a meeting at the body, or an entrusted visit (见面).</summary>
    public bool FaceToFace => Channel is ContactChannel.Visit or ContactChannel.Meeting or ContactChannel.EntrustedVisit;
}

public sealed record FeedbackFact(int Round, SatisfactionLevel OnResult, SatisfactionLevel OnAttitude);
