using System.Globalization;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Contracts.ContactScheduling;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Contracts.Reply;

namespace ProposalPlatform.Reporting.Domain;

/// <summary>One line of an item's story.</summary>
/// <param name="Source">The service that reported it.</param>
public sealed record StoryLine(Guid ProposalId, string Step, DateTimeOffset OccurredAt, string Detail, int? Round, string Source);

/// <summary>The steps of an item's story: the stages it reaches, and what is recorded beside them.</summary>
public static class StorySteps
{
    public const string Registered = "Registered";
    public const string Corrected = "Corrected";
    public const string Assigned = "Assigned";
    public const string Reassigned = "Reassigned";
    public const string Returned = "Returned";
    public const string DeadlineExtended = "DeadlineExtended";
    public const string ProgressExplained = "ProgressExplained";
    public const string DeadlineMissed = "DeadlineMissed";
    public const string DeadlineApproaching = "DeadlineApproaching";
    public const string CoHandlingAssigned = "CoHandlingAssigned";
    public const string CoHandlingOpinion = "CoHandlingOpinion";
    public const string ContactScheduled = "ContactScheduled";
    public const string ContactRescheduled = "ContactRescheduled";
    public const string ContactCancelled = "ContactCancelled";
    public const string ContactOutcome = "ContactOutcome";
    public const string ContactCompleted = "ContactCompleted";
    public const string ContactMissing = "ContactMissing";
    public const string ReplyDrafted = "ReplyDrafted";
    public const string SignOff = "SignOff";
    public const string Replied = "Replied";
    public const string Feedback = "Feedback";
    public const string ReHandlingRequested = "ReHandlingRequested";
    public const string Reopened = "Reopened";
    public const string MergedWith = "MergedWith";
    public const string HandledInGroup = "HandledInGroup";
    public const string LeftGroup = "LeftGroup";
    public const string GroupDissolved = "GroupDissolved";
}

/// <summary>The service that reported a step of an item's story.</summary>
public static class StorySources
{
    public const string Intake = "intake";
    public const string Assignment = "assignment";
    public const string Contacts = "contactscheduling";
    public const string Reply = "reply";
}

/// <summary>What each event says in the story of the items it concerns: plain words, no contact details.</summary>
public static class StoryLines
{
    public static IEnumerable<StoryLine> Of(object message) => message switch
    {
        ProposalsRegistered m => m.Proposals.SelectMany(Of),
        ProposalRegistered m => [Intake(m.ProposalId, StorySteps.Registered, m.RegisteredAt, m.BatchReference is { } batch
            ? $"{m.Kind} {m.Number} of {m.SessionYear} registered from batch {batch}"
            : $"{m.Kind} {m.Number} of {m.SessionYear} registered")],
        ProposalCorrected m => [Intake(m.ProposalId, StorySteps.Corrected, m.CorrectedAt,
            $"Corrected to version {m.Version} ({string.Join(", ", m.ChangedFields)}): {m.Reason}")],
        SimilarItemsConfirmed m =>
        [
            Intake(m.FirstProposalId, StorySteps.MergedWith, m.ConfirmedAt, $"Handled together with item {m.SecondProposalId} (confirmed by {m.By})"),
            Intake(m.SecondProposalId, StorySteps.MergedWith, m.ConfirmedAt, $"Handled together with item {m.FirstProposalId} (confirmed by {m.By})"),
        ],
        HandlingGroupFormed m => [.. m.ProposalIds.Select(id => Reply(id, StorySteps.HandledInGroup, m.FormedAt, id == m.LeadProposalId
            ? $"Leads merged group {m.GroupId} of {m.ProposalIds.Count} items, handled together by {m.UnitCode} (formed by {m.By})"
            : $"Handled in merged group {m.GroupId} of {m.ProposalIds.Count} items led by item {m.LeadProposalId} (formed by {m.By})"))],
        ItemLeftHandlingGroup m => [Reply(m.ProposalId, StorySteps.LeftGroup, m.LeftAt, $"Left merged group {m.GroupId} (by {m.By}): {m.Reason}")],
        HandlingGroupDissolved m => [.. m.ProposalIds.Select(id => Reply(id, StorySteps.GroupDissolved, m.DissolvedAt, $"Merged group {m.GroupId} dissolved (by {m.By}): {m.Reason}"))],
        ProposalsAssigned m => m.Assignments.SelectMany(Of),
        ProposalAssigned m => [Assignment(m.ProposalId, StorySteps.Assigned, m.AssignedAt, $"Assigned to {m.UnitName} ({m.UnitCode}); reply due {Day(m.DueAt)}")],
        ProposalReassigned m => [Assignment(m.ProposalId, StorySteps.Reassigned, m.ReassignedAt,
            $"Reassigned from {m.FromUnitCode} to {m.ToUnitName} ({m.ToUnitCode}) by {m.By}: {m.Reason}")],
        ProposalReturned m => [Assignment(m.ProposalId, StorySteps.Returned, m.ReturnedAt,
            $"Returned to the assigning office by {m.By} (was with {m.UnitCode}): {m.Reason}")],
        DeadlineExtended m => [Assignment(m.ProposalId, StorySteps.DeadlineExtended, m.ExtendedAt, m.ProgressExplainedOn is { } explainedOn
            ? $"Reply now due {Day(m.NewDueAt)} (was {Day(m.PreviousDueAt)}), approved by {m.ApprovedBy} after the progress was explained on {Day(explainedOn)}: {m.Reason}"
            : $"Reply now due {Day(m.NewDueAt)} (was {Day(m.PreviousDueAt)}), approved by {m.ApprovedBy}: {m.Reason}")],
        ProgressExplained m => [new(m.ProposalId, StorySteps.ProgressExplained, m.RecordedAt,
            $"Progress explained to the submitter by {m.By} of {m.UnitCode} ({m.Channel}) on {Day(m.ExplainedOn)}", m.Round, StorySources.Assignment)],
        DeadlineMissed m => [Assignment(m.ProposalId, StorySteps.DeadlineMissed, m.DetectedAt, $"{DeadlineOf(m.Kind, m.UnitCode)} was due {Day(m.DueAt)} and is overdue")],
        DeadlineApproaching m => [Assignment(m.ProposalId, StorySteps.DeadlineApproaching, m.WarnedAt, $"{DeadlineOf(m.Kind, m.UnitCode)} is due {Day(m.DueAt)}")],
        CoHandlingAssigned m => [Assignment(m.ProposalId, StorySteps.CoHandlingAssigned, m.AssignedAt,
            $"Co-handled by {m.UnitName} ({m.UnitCode}); its opinion to {m.LeadUnitCode} is due {Day(m.OpinionDueAt)}")],
        CoHandlingOpinionSubmitted m => [Assignment(m.ProposalId, StorySteps.CoHandlingOpinion, m.SubmittedAt,
            $"Opinion of co-handler {m.UnitCode} sent by {m.SubmittedBy}")],
        ProposalReopened m => [new(m.ProposalId, StorySteps.Reopened, m.ReopenedAt,
            $"Reopened for re-handling (round {m.Round}) with {m.UnitCode}; new reply due {Day(m.DueAt)}", m.Round, StorySources.Assignment)],
        ContactScheduled m => [Contacts(m.ProposalId, m.Rescheduled ? StorySteps.ContactRescheduled : StorySteps.ContactScheduled, m.At,
            $"{m.Channel} with {m.SubmitterName} planned {Minute(m.PlannedStart)} to {Minute(m.PlannedEnd)} by {m.Handler}"
            + (m.EntrustedUnitCode is null ? "" : $", entrusted to district {m.EntrustedUnitCode}"))],
        ContactCancelled m => [Contacts(m.ProposalId, StorySteps.ContactCancelled, m.At, $"Contact {m.ContactId} cancelled by {m.By}: {m.Reason}")],
        ContactOutcomeRecorded m => [Contacts(m.ProposalId, StorySteps.ContactOutcome, m.At,
            $"{m.Channel} with {(m.WithLeadSubmitter ? $"{m.SubmitterName} (lead submitter)" : m.SubmitterName)}: {m.Outcome}"
            + (m.ReportedByUnitCode is null ? "" : $"; visit made and reported by district {m.ReportedByUnitCode}"))],
        ContactCompleted m => [Contacts(m.ProposalId, StorySteps.ContactCompleted, m.CompletedAt, $"Contact with the lead submitter completed ({m.Channel})", m.Round)],
        ContactMissing m => [Contacts(m.ProposalId, StorySteps.ContactMissing, m.At,
            $"No contact scheduled by {m.UnitCode} {m.DaysWithoutContact} days after assignment on {Day(m.AssignedAt)}", m.Round)],
        ReplyDrafted m => [Reply(m.ProposalId, StorySteps.ReplyDrafted, m.At, $"Draft reply version {m.Version} saved by {m.By}", m.Round)],
        ReplySignOffRecorded m => [Reply(m.ProposalId, StorySteps.SignOff, m.At,
            $"{m.Step} {m.By} {(m.Approved ? "approved" : "sent back")} draft version {m.DraftVersion}"
            + (string.IsNullOrWhiteSpace(m.Comments) ? "" : $": {m.Comments}"), m.Round)],
        ReplyIssued m => [Reply(m.ProposalId, StorySteps.Replied, m.IssuedAt, m.LetterNumber is { } letter
            ? $"Formal reply {letter} issued, result class {m.ResultClass}, to {m.Recipients} recipient(s); publication: {m.Publication}"
            : $"Formal reply issued, result class {m.ResultClass}, to {m.Recipients} recipient(s); publication: {m.Publication}", m.Round)],
        FeedbackReceived m => [Reply(m.ProposalId, StorySteps.Feedback, m.At,
            $"The submitter answered: {m.OnResult} with the result, {m.OnAttitude} with the attitude", m.Round)],
        ReHandlingRequested m => [Reply(m.ProposalId, StorySteps.ReHandlingRequested, m.At,
            $"Re-handling requested after the reply of round {m.Round}: {m.Reason}", m.Round)],
        _ => [],
    };

    private static StoryLine Intake(Guid id, string step, DateTimeOffset at, string detail) => new(id, step, at, detail, null, StorySources.Intake);

    private static StoryLine Assignment(Guid id, string step, DateTimeOffset at, string detail) => new(id, step, at, detail, null, StorySources.Assignment);

    private static StoryLine Contacts(Guid id, string step, DateTimeOffset at, string detail, int? round = null) => new(id, step, at, detail, round, StorySources.Contacts);

    private static StoryLine Reply(Guid id, string step, DateTimeOffset at, string detail, int? round = null) => new(id, step, at, detail, round, StorySources.Reply);

    private static string DeadlineOf(DeadlineKind kind, string unitCode) =>
        kind == DeadlineKind.CoHandlingOpinion ? $"Co-handling opinion of {unitCode}" : $"Reply by {unitCode}";

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Minute(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
