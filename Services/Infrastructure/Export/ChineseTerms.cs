using ProposalPlatform.Contracts;

namespace ProposalPlatform.Infrastructure.Export;

/// <summary>The words a Chinese reader knows the platform's values by, as exports and reports write them.</summary>
public static class ChineseTerms
{
    public static string Of(ProposalKind kind) => kind switch
    {
        ProposalKind.Suggestion => "建议",
        ProposalKind.Proposal => "提案",
        _ => kind.ToString(),
    };

    public static string Of(HandlingMode mode) => mode switch
    {
        HandlingMode.Lead => "主办",
        HandlingMode.CoHandling => "协办",
        HandlingMode.Separate => "分办",
        HandlingMode.Sole => "独办",
        _ => mode.ToString(),
    };

    public static string Of(ResultClass resultClass) => resultClass switch
    {
        ResultClass.A => "A类（已解决或基本解决）",
        ResultClass.B => "B类（正在解决或列入计划解决）",
        ResultClass.C => "C类（因条件限制留作参考以后解决）",
        ResultClass.D => "D类（留作参考）",
        _ => resultClass.ToString(),
    };

    public static string Of(ContactChannel channel) => channel switch
    {
        ContactChannel.Phone => "电话",
        ContactChannel.Video => "视频",
        ContactChannel.Visit => "走访（走出去）",
        ContactChannel.Meeting => "请进来",
        ContactChannel.EntrustedVisit => "委托走访",
        _ => channel.ToString(),
    };
}
