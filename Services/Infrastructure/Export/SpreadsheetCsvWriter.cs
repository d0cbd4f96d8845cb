using CsvHelper;

namespace ProposalPlatform.Infrastructure.Export;

/// <summary>
/// Writes an export as CSV that spreadsheets open safely and readably: every cell neutralised
/// (<see cref="SpreadsheetCells.Neutralise"/>) and quoted (RFC 4180, as OWASP recommends for CSV
/// injection), UTF-8 with a byte order mark (Excel on Chinese Windows reads a CSV without one as
/// GBK), CRLF line ends. The first row written is the header.
/// </summary>
public sealed class SpreadsheetCsvWriter : IAsyncDisposable
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Quoting = CsvQuoting.Always,
        WriteByteOrderMark = true,
    };

    private readonly CsvWriter _csv;

    /// <summary>A writer to <paramref name="stream"/>, which stays open when the writer is disposed (a response body).</summary>
    public SpreadsheetCsvWriter(Stream stream) => _csv = CsvWriter.Create(stream, Options, leaveOpen: true);

    /// <summary>Writes one row (the header, or a record with a cell per column of the header).</summary>
    public async Task WriteRowAsync(IReadOnlyList<string?> cells, CancellationToken cancellationToken)
    {
        var row = new string?[cells.Count];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = SpreadsheetCells.Neutralise(cells[i]);
        }

        await _csv.WriteRecordAsync(row!, cancellationToken);
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => _csv.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
