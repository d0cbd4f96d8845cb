namespace ProposalPlatform.Reporting.Domain;

/// <summary>The weight of each criterion in a unit's yearly score (考核); the office sets them (Reporting:Scores).</summary>
public sealed record ScoreWeights(double OnTime, double ContactBeforeReply, double FaceToFace, double Satisfaction, double Solved)
{
    public static readonly ScoreWeights Default = new(30, 20, 10, 30, 10);
}

/// <summary>One unit's figures for the year, its total and its place.</summary>
/// <param name="Total">0–100, or null when the unit had nothing any criterion measures.</param>
/// <param name="Rank">1 for the best total; equal totals share a rank; units without a total come last, unranked.</param>
public sealed record UnitScore(
    string UnitCode,
    string? UnitName,
    int Items,
    int RepliesIssued,
    Ratio OnTime,
    Ratio ContactBeforeReply,
    Ratio FaceToFace,
    Ratio Satisfaction,
    Ratio Solved,
    double? Total,
    int? Rank);

/// <summary>
/// The units' yearly scores: each criterion is a share (0–1) of what the unit handled as lead unit,
/// the total is the weighted mean of the criteria that measured something, times 100 (a criterion
/// with nothing to measure, say no feedback yet, is left out and the others' weights count in full).
/// </summary>
public static class UnitScores
{
    public static IReadOnlyList<UnitScore> Of(IReadOnlyCollection<ItemFacts> items, ScoreWeights weights, DateTimeOffset now)
    {
        var rows = items
            .Where(i => i.LeadUnit is not null && i.OwesReply)
            .GroupBy(i => i.LeadUnit!)
            .Select(g =>
            {
                var f = YearFigures.Of([.. g], now);
                var solved = new Ratio(f.ResultClasses[Contracts.ResultClass.A].Count, f.ResultClasses[Contracts.ResultClass.A].Of);
                var criteria = new (Ratio Ratio, double Weight)[]
                {
                    (f.OnTime, weights.OnTime), (f.ContactBeforeReply, weights.ContactBeforeReply), (f.FaceToFace, weights.FaceToFace),
                    (f.Satisfaction, weights.Satisfaction), (solved, weights.Solved),
                };
                var measured = criteria.Where(c => c.Ratio.Fraction is not null && c.Weight > 0).ToList();
                var weight = measured.Sum(c => c.Weight);
                double? total = weight == 0 ? null : Math.Round(100 * measured.Sum(c => c.Ratio.Fraction!.Value * c.Weight) / weight, 2, MidpointRounding.AwayFromZero);
                return new UnitScore(g.Key, g.Select(i => i.LeadUnitName).FirstOrDefault(n => n is not null), f.Items, f.RepliesIssued,
                    f.OnTime, f.ContactBeforeReply, f.FaceToFace, f.Satisfaction, solved, total, null);
            })
            .OrderByDescending(s => s.Total ?? double.MinValue).ThenBy(s => s.UnitCode, StringComparer.Ordinal)
            .ToList();

        var ranked = new List<UnitScore>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var rank = rows[i].Total is null ? (int?)null
                : i > 0 && rows[i].Total == rows[i - 1].Total ? ranked[i - 1].Rank : i + 1;
            ranked.Add(rows[i] with { Rank = rank });
        }

        return ranked;
    }
}
