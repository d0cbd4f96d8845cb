namespace ProposalPlatform.Portal.Clients;

// The parts of the handling services' answers the handler's and the head's pages read.

public sealed record WorklistView(string Unit, DateTimeOffset At, int Page, int PageSize, int Total, int Overdue, IReadOnlyList<WorkRow> Items);

public sealed record WorkRow(
    Guid Id, string Kind, int SessionYear, int Number, string Title, string Topic, string Status, int Round, string Role, string HandlingMode,
    bool IsKeyItem, string? LeadUnitCode, DateTimeOffset? DueAt, bool Overdue);

public sealed record SignOffQueueRow(
    Guid ProposalId, string? UnitCode, int Round, bool IsKeyItem, string? LeadSubmitterName, int DraftVersion, string SavedBy, DateTimeOffset SavedAt,
    string AwaitedStep, string SubmittedBy, DateTimeOffset SubmittedAt);

public sealed record ContactTask(
    Guid ProposalId, string UnitCode, bool Completed, DateTimeOffset? CompletedAt, IReadOnlyList<Contact> Contacts, bool Closed, int Round,
    string? LeadSubmitterName, IReadOnlyList<string> CoSignerNames);

public sealed record Contact(
    Guid Id, string Channel, DateTimeOffset? OccurredAt, string? Outcome, string? Handler, string? Notes, DateTimeOffset RecordedAt, Guid ProposalId,
    string Status, int Round, DateTimeOffset? PlannedStart, DateTimeOffset? PlannedEnd, string? SubmitterName, bool WithLeadSubmitter,
    string? EntrustedUnitCode, string? ReportedByUnitCode, string? Report, string? CancelledReason);

public sealed record ReplyView(
    Guid ProposalId, string? UnitCode, bool ContactCompleted, string? Draft, bool Issued, string? ResultClass, DateTimeOffset? IssuedAt, bool Returned,
    int Round, string HandlingMode, bool IsKeyItem, int? DraftVersion, string SignOffStatus, string? NextSignOffStep, bool FollowUp,
    string? LeadSubmitterName, IReadOnlyList<string> CoSignerNames, IReadOnlyList<DraftVersion> Drafts, IReadOnlyList<SignOff> SignOffs,
    IReadOnlyList<Opinion> Opinions, IReadOnlyList<IssuedReply> Replies, string? Publication, string? PublicTextPreview,
    HandlingGroupView? Group = null);

public sealed record DraftVersion(int Round, int Version, string Text, string By, DateTimeOffset SavedAt);

public sealed record DraftSaved(Guid ProposalId, int Round, int Version, DateTimeOffset SavedAt);

public sealed record SignOff(int Round, int DraftVersion, string Step, string Decision, string By, string? Comments, string? Publication, string? Summary, DateTimeOffset At);

public sealed record Opinion(string UnitCode, string? UnitName, DateTimeOffset? AssignedAt, DateTimeOffset? DueAt, bool Submitted, string? Text, string? SubmittedBy, DateTimeOffset? SubmittedAt)
{
    // the reply service calls the opinion's text "opinion"
    [System.Text.Json.Serialization.JsonPropertyName("opinion")]
    public string? Text { get; init; } = Text;
}

public sealed record IssuedReply(
    Guid ReplyId, int Round, int DraftVersion, string ResultClass, string Text, string? LeaderName, string? HandlerName, string Publication,
    string? PublicText, DateTimeOffset IssuedAt, ReplyFeedback? Feedback);

public sealed record ReplyFeedback(string OnResult, string OnAttitude, string? Comments, DateTimeOffset ReceivedAt);
