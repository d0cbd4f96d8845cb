using ProposalPlatform.Contracts;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.UnitTests.Reply;

/// <summary>Cases at the points of the reply's life the tests start from.</summary>
internal static class ReplyCases
{
    public static readonly Guid ProposalId = Guid.Parse("5d0e3c1a-2b7f-4c8e-9a61-7f3b2d9c4e05");
    public static readonly DateTimeOffset AssignedAt = new(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Assigned, contacted and drafted (version 1), not yet submitted for sign-off.</summary>
    public static ReplyCase Drafted(bool isKeyItem = false) =>
        new(ProposalId, "HQ-HEALTH", AssignedAt, AssignedAt.AddDays(10), "关于您提出的建议，答复如下：……", IssuedAt: null)
        {
            IsKeyItem = isKeyItem,
            DraftVersion = 1,
            LeadSubmitterName = "张伟",
            CoSignerNames = ["李娜", "王强"],
        };

    public static SignOffEntry Submitted(string by = "李明") => new(SignOffStep.Handler, true, by, null, AssignedAt.AddDays(11));

    public static SignOffEntry UnitHeadApproved(PublicationDecision? publication = PublicationDecision.FullText, string? summary = null) =>
        new(SignOffStep.UnitHead, true, "王芳", null, AssignedAt.AddDays(12), publication, summary);

    public static SignOffEntry UnitHeadSentBack() => new(SignOffStep.UnitHead, false, "王芳", "第二点未答复。", AssignedAt.AddDays(12));

    public static SignOffEntry OfficeApproved(PublicationDecision publication = PublicationDecision.Summary, string? summary = "摘要") =>
        new(SignOffStep.ProposalOffice, true, "赵静", null, AssignedAt.AddDays(13), publication, summary);

    /// <summary>Ready to issue: an ordinary item signed off by its unit head.</summary>
    public static ReplyCase SignedOff() => Drafted() with { SignOffs = [Submitted(), UnitHeadApproved()] };

    public static SignOffRequest Step(SignOffStep step, bool approved = true, int version = 1, PublicationDecision? publication = null, string? comments = null) =>
        new(version, step, approved, "签核人", comments, publication, publication == PublicationDecision.Summary ? "摘要" : null);
}
