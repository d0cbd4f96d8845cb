using System.ComponentModel.DataAnnotations;
using ProposalPlatform.Reporting.Domain;

namespace ProposalPlatform.Reporting;

/// <summary>What the office sets about its reports (section <c>Reporting</c>).</summary>
public sealed class ReportingOptions : IValidatableObject
{
    public const string Section = "Reporting";

    /// <summary>The weights of the units' yearly score, each 0 or more, not all 0.</summary>
    public ScoreWeightOptions Scores { get; set; } = new();

    /// <summary>
    /// Topics the annual statistics always list, at zero where no item had them (the body's routing
    /// topics): a topic with no item this year and last is still reported, as "none on anti-smuggling".
    /// </summary>
    /// <remarks>Null means <see cref="DefaultTopics"/> (a list bound from configuration would be added to a default list, not replace it).</remarks>
    public List<string>? Topics { get; set; }

    public static readonly IReadOnlyList<string> DefaultTopics =
    [
        "卫生检疫", "动植物检疫", "进出口食品安全", "缉私", "关税", "商品归类", "自贸区和综合保税区", "口岸", "通关", "跨境电商", "企业稽查", "海关统计", "商品检验",
    ];

    public IReadOnlyList<string> KnownTopics => Topics ?? DefaultTopics;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var w = Scores.ToWeights();
        double[] all = [w.OnTime, w.ContactBeforeReply, w.FaceToFace, w.Satisfaction, w.Solved];
        if (all.Any(x => x < 0 || double.IsNaN(x) || double.IsInfinity(x)) || all.Sum() <= 0)
        {
            yield return new ValidationResult("Reporting:Scores weights must each be 0 or more, and not all 0.", [nameof(Scores)]);
        }

        if (KnownTopics.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("Reporting:Topics cannot hold an empty topic.", [nameof(Topics)]);
        }
    }
}

/// <summary>The configurable form of <see cref="ScoreWeights"/>; the defaults are <see cref="ScoreWeights.Default"/>.</summary>
public sealed class ScoreWeightOptions
{
    public double OnTime { get; set; } = ScoreWeights.Default.OnTime;
    public double ContactBeforeReply { get; set; } = ScoreWeights.Default.ContactBeforeReply;
    public double FaceToFace { get; set; } = ScoreWeights.Default.FaceToFace;
    public double Satisfaction { get; set; } = ScoreWeights.Default.Satisfaction;
    public double Solved { get; set; } = ScoreWeights.Default.Solved;

    public ScoreWeights ToWeights() => new(OnTime, ContactBeforeReply, FaceToFace, Satisfaction, Solved);
}
