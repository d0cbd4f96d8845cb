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
}
