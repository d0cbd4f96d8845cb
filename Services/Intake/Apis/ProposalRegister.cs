using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Export;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Apis;

/// <summary>
/// The item register as a spreadsheet reads it: one item a row, what the list shows and the rest of
/// what intake knows of its handling, in Chinese; never the text nor a submitter's contact details.
/// </summary>
public static class ProposalRegister
{
    private const string ListSeparator = "、";

    public static readonly SpreadsheetTable<ProposalRegisterRecord> Table = new SpreadsheetTable<ProposalRegisterRecord>()
        .Text("类别", r => ChineseTerms.Of((ProposalKind)r.Kind))
        .Number("年度", r => r.SessionYear)
        .Number("届", r => r.SessionTerm)
        .Number("次", r => r.SessionMeeting)
        .Number("编号", r => r.Number)
        .Text("标题", r => r.Title)
        .Text("领衔人", r => r.SubmitterName)
        .Text("主题", r => r.Topic)
        .Text("标签", r => string.Join(ListSeparator, r.Tags))
        .Text("办理方式", r => ChineseTerms.Of((HandlingMode)r.HandlingMode))
        .YesNo("重点", r => r.IsKeyItem)
        .Text("督办方", r => r.SupervisingBody)
        .Text("主办单位", r => r.AssignedUnitCode)
        .Text("协办单位", r => string.Join(ListSeparator, r.CoHandlerUnits))
        .Text("状态", r => ProposalStatus.InChinese(r.Stage, r.Round))
        .Number("办理轮次", r => r.Round)
        .Text("登记单位", r => r.SubmittingUnitCode)
        .Text("批次", r => r.BatchReference)
        .Time("登记时间", r => r.RegisteredAt)
        .Time("交办时间", r => r.AssignedByOfficeAt);
}
