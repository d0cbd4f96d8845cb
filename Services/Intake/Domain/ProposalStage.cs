namespace ProposalPlatform.Intake.Domain;

/// <summary>
/// How far an item has come. Events from the other services can arrive in any order, so an item's
/// stage only ever moves forward within a handling round: the furthest step reported is its stage.
/// Re-handling starts a new round, in which the item is assigned again (shown as ReHandling).
/// </summary>
public enum ProposalStage
{
    Registered = 1,
    Assigned = 2,
    ContactCompleted = 3,
    Replied = 4,

    /// <summary>The submitter answered the round's reply as satisfied or basically satisfied.</summary>
    Satisfied = 5,

    /// <summary>The submitter was dissatisfied: the item waits to be reopened for re-handling.</summary>
    Dissatisfied = 6,

    /// <summary>
    /// Sent back to the assigning office as outside the body's remit: the item's handling ends here.
    /// Kept above every stage of handling (add new ones below it), so that however late the other
    /// services' events arrive, a returned item stays Returned.
    /// </summary>
    Returned = 100,
}

public static class ProposalStatus
{
    /// <summary>The status a client sees: the stage, except that a reopened item being handled again is ReHandling.</summary>
    public static string Of(short stage, int round) =>
        round > 1 && (ProposalStage)stage == ProposalStage.Assigned ? "ReHandling" : ((ProposalStage)stage).ToString();

    /// <summary>The status in the words the register is read in.</summary>
    public static string InChinese(short stage, int round) => Of(stage, round) switch
    {
        nameof(ProposalStage.Registered) => "已登记",
        nameof(ProposalStage.Assigned) => "办理中",
        "ReHandling" => "重新办理中",
        nameof(ProposalStage.ContactCompleted) => "已沟通",
        nameof(ProposalStage.Replied) => "已答复",
        nameof(ProposalStage.Satisfied) => "满意或基本满意",
        nameof(ProposalStage.Dissatisfied) => "不满意",
        nameof(ProposalStage.Returned) => "已退回",
        var other => other,
    };
}
