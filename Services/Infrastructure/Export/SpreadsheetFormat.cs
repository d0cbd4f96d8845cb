namespace ProposalPlatform.Infrastructure.Export;

/// <summary>What an export is written as: CSV (the default) or an Excel workbook.</summary>
public enum SpreadsheetFormat
{
    Csv,
    Xlsx,
}
