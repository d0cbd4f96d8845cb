using System.Globalization;
using System.Text;

namespace ProposalPlatform.FaultSuite.Faults;

/// <summary>The suite's table: a row per run, what the clients saw, how long the platform took to recover, and what reconciliation found.</summary>
public static class FaultTable
{
    private static readonly string[] Headers = ["fault", "client errors seen", "first ok", "reconciled", "acked", "lost", "twice", "stuck", "left over", "result"];

    public static string Format(IEnumerable<FaultOutcome> outcomes)
    {
        var rows = outcomes.Select(o => new[]
        {
            o.Fault,
            ClientErrors.Format(o.ClientErrors),
            Seconds(o.FirstSuccess),
            Seconds(o.Reconciled),
            o.Acknowledged.ToString("N0", CultureInfo.InvariantCulture),
            o.Reconciliation.Lost.ToString(CultureInfo.InvariantCulture),
            o.Reconciliation.Twice.ToString(CultureInfo.InvariantCulture),
            o.Reconciliation.Stuck.ToString(CultureInfo.InvariantCulture),
            o.Reconciliation.LeftOver.Count == 0 ? "-" : string.Join("; ", o.Reconciliation.LeftOver),
            o.Ok ? "OK" : "FAILED",
        }).ToList();
        var widths = Headers.Select((header, column) => rows.Select(row => row[column].Length).Append(header.Length).Max()).ToArray();
        var table = new StringBuilder();
        foreach (var row in rows.Prepend(Headers))
        {
            table.AppendLine(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }

        return table.ToString();
    }

    private static string Seconds(TimeSpan? span) =>
        span is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s.TotalSeconds:F1} s") : "never";
}
