using ProposalPlatform.Infrastructure.Export;

namespace ProposalPlatform.Reporting.Apis;

/// <summary>One figure of the annual statistics as a spreadsheet row: this year, the year before, the change.</summary>
public sealed record StatisticsRow(
    string Figure, string? Item, decimal? Current, decimal? Previous, decimal? Change,
    decimal? CurrentPercent = null, decimal? PreviousPercent = null, decimal? ChangePoints = null);

/// <summary>The annual statistics and the scores as the office's spreadsheets: Chinese headers, a row per figure or unit.</summary>
public static class ReportSheets
{
    public static readonly SpreadsheetTable<StatisticsRow> Statistics = new SpreadsheetTable<StatisticsRow>()
        .Text("指标", r => r.Figure)
        .Text("分项", r => r.Item)
        .Number("本年", r => r.Current)
        .Number("上年", r => r.Previous)
        .Number("增减", r => r.Change)
        .Number("本年比例（%）", r => r.CurrentPercent)
        .Number("上年比例（%）", r => r.PreviousPercent)
        .Number("增减（百分点）", r => r.ChangePoints);

    public static readonly SpreadsheetTable<ScoreRow> Scores = new SpreadsheetTable<ScoreRow>()
        .Number("排名", r => r.Rank)
        .Text("单位代码", r => r.UnitCode)
        .Text("单位名称", r => r.UnitName)
        .Number("应答复件数", r => r.Items)
        .Number("答复数", r => r.RepliesIssued)
        .Number("按时答复率（%）", r => Percent(r.OnTime))
        .Number("答复前沟通率（%）", r => Percent(r.ContactBeforeReply))
        .Number("见面沟通率（%）", r => Percent(r.FaceToFace))
        .Number("满意率（%）", r => Percent(r.Satisfaction))
        .Number("解决率（%）", r => Percent(r.Solved))
        .Number("总分", r => (decimal?)r.Total);

    /// <summary>Every figure of the statistics, in the order the office reports them.</summary>
    public static IEnumerable<StatisticsRow> RowsOf(AnnualStatistics s)
    {
        yield return Count("件数合计", null, s.Items);
        foreach (var line in s.ByKind) yield return Count("按类别", line.Label, line.Count);
        foreach (var line in s.ByMode) yield return Count("按办理方式", line.Label, line.Count);
        yield return Share("直接答复（主办＋独办＋分办）", null, s.RepliedDirectly);
        foreach (var line in s.ByTopic) yield return Count("按主题", line.Label, line.Count);
        foreach (var line in s.ByUnit) yield return Count("按主办单位", line.Label, line.Count);
        yield return Count("重点件", null, s.KeyItems);
        yield return Count("并案组", null, s.MergedGroups);
        yield return Count("并案件数", null, s.ItemsInMergedGroups);
        yield return Count("退回件数", null, s.Returned);
        yield return Count("委托关区走访件数", null, s.EntrustedItems);
        foreach (var line in s.EntrustedByDistrict) yield return Count("委托走访（按关区）", line.Label, line.Count);

        yield return Count("应答复件数", null, s.Replies.ToReply);
        yield return Count("已发正式答复", null, s.Replies.Issued);
        yield return Share("答复率", null, s.Replies.ReplyRate);
        yield return Share("按时答复率", null, s.Replies.OnTime);
        yield return Count("当前逾期件数", null, s.Replies.OverdueNow);
        foreach (var line in s.Replies.ResultClasses) yield return Share("答复类别", line.Label, line.Share);
        yield return Share("已解决或正在解决（A＋B）", null, s.Replies.SolvedOrBeingSolved);

        yield return Share("答复前沟通率", null, s.Contacts.BeforeReply);
        yield return Count("未经沟通的答复", null, s.Contacts.RepliesWithoutContact);
        foreach (var line in s.Contacts.ByChannel) yield return Count("沟通方式", line.Label, line.Count);
        yield return Share("见面沟通率", null, s.Contacts.FaceToFace);

        foreach (var (figure, levels) in new[]
        {
            ("首轮反馈（对办理结果）", s.Feedback.FirstRoundOnResult), ("首轮反馈（对办理态度）", s.Feedback.FirstRoundOnAttitude),
            ("重新办理后反馈（对办理结果）", s.Feedback.AfterReHandlingOnResult), ("重新办理后反馈（对办理态度）", s.Feedback.AfterReHandlingOnAttitude),
        })
        {
            yield return Count(figure, "满意", levels.Satisfied);
            yield return Count(figure, "基本满意", levels.BasicallySatisfied);
            yield return Count(figure, "不满意", levels.Dissatisfied);
        }

        yield return Share("满意率（首轮，满意＋基本满意）", null, s.Feedback.Satisfaction);
        yield return Count("重新办理件数", null, s.Feedback.ReHandled);
        yield return Count("B类跟踪件数", null, s.Feedback.BClassOnFollowUp);
    }

    private static StatisticsRow Count(string figure, string? item, Compared c) => new(figure, item, c.Current, c.Previous, c.Change);

    private static StatisticsRow Share(string figure, string? item, ComparedRatio r) => new(
        figure, item, r.Current.Count, r.Previous.Count, r.Current.Count - r.Previous.Count,
        (decimal?)r.Current.Percent, (decimal?)r.Previous.Percent, (decimal?)r.ChangePoints);

    private static decimal? Percent(RatioView r) => (decimal?)r.Percent;
}
