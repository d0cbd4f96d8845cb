using ProposalPlatform.Contracts;
using ProposalPlatform.Reply.Data;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.Reply.Apis;

/// <summary>
/// An item's reply. The first fields describe the current round (contact, latest draft, issued reply);
/// the lists keep every round's history.
/// </summary>
public sealed record ReplyView(
    Guid ProposalId,
    string? UnitCode,
    bool ContactCompleted,
    string? Draft,
    bool Issued,
    string? ResultClass,
    DateTimeOffset? IssuedAt,
    bool Returned,
    DateTimeOffset? ReturnedAt,
    string? ReturnedReason,
    int Round,
    string HandlingMode,
    bool IsKeyItem,
    int? DraftVersion,
    string SignOffStatus,
    string? NextSignOffStep,
    bool FollowUp,
    string? LeadSubmitterName,
    IReadOnlyList<string> CoSignerNames,
    IReadOnlyList<ContactView> Contacts,
    IReadOnlyList<DraftVersionView> Drafts,
    IReadOnlyList<SignOffView> SignOffs,
    IReadOnlyList<OpinionView> Opinions,
    IReadOnlyList<IssuedReplyView> Replies,
    string? Publication = null,
    string? PublicTextPreview = null,
    HandlingGroupView? Group = null)
{
    /// <param name="phones">Opens the signatories' phones: the view is for a caller who may read the item.</param>
    public static ReplyView From(ReplyHistory history, SignatoryPhones phones)
    {
        var c = history.Case;
        var round = c.Round;
        var latestDraft = history.Drafts.LastOrDefault(d => d.Round == round);
        var signOffs = history.CurrentSignOffs(round, latestDraft?.Version);
        var status = SignOffRules.StatusOf(signOffs, c.IsKeyItem);
        var issued = history.Replies.FirstOrDefault(r => r.Round == round);
        var latestIssued = history.Replies.LastOrDefault();
        // what issuing now would publish, shown before the reply is issued
        (PublicationDecision Decision, string? Text)? preview = status == Domain.SignOffStatus.SignedOff && latestDraft is not null && issued is null
            ? SignOffRules.PublicTextOf(signOffs, c.IsKeyItem, latestDraft.Text)
            : null;
        return new ReplyView(
            c.ProposalId,
            c.UnitCode,
            history.Contacts.Any(k => k.Round == round),
            latestDraft?.Text,
            issued is not null,
            issued is null ? null : ((ResultClass)issued.ResultClass).ToString(),
            issued?.IssuedAt,
            c.ReturnedAt is not null,
            c.ReturnedAt,
            c.ReturnedReason,
            round,
            (c.HandlingMode is { } mode ? (HandlingMode)mode : Contracts.HandlingMode.Lead).ToString(),
            c.IsKeyItem,
            latestDraft?.Version,
            latestDraft is null ? "NoDraft" : status.ToString(),
            latestDraft is null ? null : SignOffRules.ExpectedStep(status)?.ToString(),
            latestIssued?.ResultClass == (short)Contracts.ResultClass.B,
            c.LeadSubmitterName,
            c.CoSignerNames ?? [],
            history.Contacts.Select(k => new ContactView(k.Round, k.CompletedAt)).ToList(),
            history.Drafts.Select(d => new DraftVersionView(d.Round, d.Version, d.Text, d.SavedBy, d.SavedAt)).ToList(),
            history.SignOffs.Select(SignOffView.From).ToList(),
            history.CoHandlers.Select(OpinionView.From).ToList(),
            history.Replies.Select(r => IssuedReplyView.From(r, history, phones)).ToList(),
            preview?.Decision.ToString(),
            preview?.Text,
            history.Group is { } group ? HandlingGroupView.From(group) : null);
    }
}

public sealed record ContactView(int Round, DateTimeOffset CompletedAt);

public sealed record DraftVersionView(int Round, int Version, string Text, string By, DateTimeOffset SavedAt);

/// <summary>What saving a draft answers: the version to submit for sign-off.</summary>
public sealed record DraftSavedView(Guid ProposalId, int Round, int Version, DateTimeOffset SavedAt);

public sealed record SignOffView(
    int Round, int DraftVersion, string Step, string Decision, string By, string? Comments, string? Publication, string? Summary, DateTimeOffset At)
{
    public static SignOffView From(SignOffHistoryRow s) => new(
        s.Round, s.DraftVersion, ((SignOffStep)s.Step).ToString(), s.Approved ? "Approve" : "SendBack", s.SignedBy, s.Comments,
        s.Publication is { } p ? ((PublicationDecision)p).ToString() : null, s.Summary, s.SignedAt);
}

/// <summary>A co-handling unit's written opinion, attached to the lead unit's draft; Opinion is null while it is outstanding.</summary>
public sealed record OpinionView(
    string UnitCode, string? UnitName, DateTimeOffset? AssignedAt, DateTimeOffset? DueAt, bool Submitted, string? Opinion, string? SubmittedBy, DateTimeOffset? SubmittedAt)
{
    public static OpinionView From(CoHandlerRow c) => new(
        c.UnitCode, c.UnitName, c.AssignedAt, c.OpinionDueAt, c.SubmittedAt is not null, c.Opinion, c.SubmittedBy, c.SubmittedAt);
}

/// <param name="LetterNumber">The number (文号) of the letter the reply was issued as; null for a reply issued before replies were letters.</param>
/// <param name="LetterSha256">The SHA-256 (hex) of the letter as issued (GET …/letter); <paramref name="PublicLetterSha256"/> of its public version (…/letter/public), null when not published.</param>
public sealed record IssuedReplyView(
    Guid ReplyId,
    int Round,
    int DraftVersion,
    string ResultClass,
    string Text,
    string? LeaderName,
    string? LeaderPhone,
    string? HandlerName,
    string? HandlerPhone,
    string Publication,
    string? PublicText,
    DateTimeOffset IssuedAt,
    IReadOnlyList<RecipientView> Recipients,
    FeedbackView? Feedback,
    string? LetterNumber = null,
    string? LetterSha256 = null,
    string? PublicLetterSha256 = null)
{
    public static IssuedReplyView From(IssuedReplyRow r, ReplyHistory history, SignatoryPhones phones) => new(
        r.ReplyId,
        r.Round,
        r.DraftVersion,
        ((ResultClass)r.ResultClass).ToString(),
        r.Text,
        r.LeaderName,
        phones.OpenLeader(r.ReplyId, r.LeaderPhone),
        r.HandlerName,
        phones.OpenHandler(r.ReplyId, r.HandlerPhone),
        ((PublicationDecision)r.Publication).ToString(),
        r.PublicText,
        r.IssuedAt,
        history.Recipients.Where(x => x.ReplyId == r.ReplyId).Select(x => new RecipientView(x.Name, x.IsLead)).ToList(),
        history.Feedback.FirstOrDefault(f => f.ReplyId == r.ReplyId) is { } f
            ? new FeedbackView(((SatisfactionLevel)f.OnResult).ToString(), ((SatisfactionLevel)f.OnAttitude).ToString(), f.Comments, f.ReceivedAt)
            : null,
        r.LetterNumber,
        r.LetterSha256 is { } full ? Convert.ToHexStringLower(full) : null,
        r.PublicLetterSha256 is { } published ? Convert.ToHexStringLower(published) : null);
}

public sealed record RecipientView(string Name, bool IsLead);

public sealed record FeedbackView(string OnResult, string OnAttitude, string? Comments, DateTimeOffset ReceivedAt);

/// <summary>A B-class item still being followed up.</summary>
public sealed record FollowUpView(Guid ProposalId, string? UnitCode, int Round, Guid ReplyId, DateTimeOffset IssuedAt, bool ReHandling)
{
    public static FollowUpView From(FollowUpRow r) => new(r.ProposalId, r.UnitCode, r.Round, r.ReplyId, r.IssuedAt, r.CurrentRound > r.Round);
}

/// <summary>A draft waiting for a sign-off step: the step it waits for, who took the last one and when.</summary>
public sealed record SignOffQueueView(
    Guid ProposalId, string? UnitCode, int Round, bool IsKeyItem, string? LeadSubmitterName, int DraftVersion, string SavedBy, DateTimeOffset SavedAt,
    string AwaitedStep, string SubmittedBy, DateTimeOffset SubmittedAt)
{
    public static SignOffQueueView From(SignOffQueueRow r) => new(
        r.ProposalId, r.UnitCode, r.Round, r.IsKeyItem, r.LeadSubmitterName, r.DraftVersion, r.SavedBy, r.SavedAt,
        ((SignOffStep)r.LastStep == SignOffStep.Handler ? SignOffStep.UnitHead : SignOffStep.ProposalOffice).ToString(),
        r.LastSignedBy, r.LastSignedAt);
}
