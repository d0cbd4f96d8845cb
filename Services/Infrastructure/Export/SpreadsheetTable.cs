using System.Globalization;

namespace ProposalPlatform.Infrastructure.Export;

/// <summary>
/// An export's table: its columns in order, each a Chinese header and what the cell of a row shows.
/// A cell is text or a number: texts (times in Beijing time, yes/no in words) leave neutralised
/// (<see cref="SpreadsheetCells.Neutralise"/>) in either format; numbers stay numbers in Excel.
/// Written as CSV or Excel by <see cref="WriteAsync"/>, one row at a time as the rows are read.
/// </summary>
public sealed class SpreadsheetTable<T>
{
    private readonly List<SpreadsheetColumn<T>> _columns = [];

    internal IReadOnlyList<SpreadsheetColumn<T>> Columns => _columns;

    /// <summary>A column of text; an empty cell for null.</summary>
    public SpreadsheetTable<T> Text(string header, Func<T, string?> cell) => Add(header, row => cell(row));

    /// <summary>A column of numbers (counts, shares); an empty cell for null.</summary>
    public SpreadsheetTable<T> Number(string header, Func<T, decimal?> cell) => Add(header, row => cell(row));

    /// <summary>A column of times, written in Beijing time in <paramref name="format"/> (to the minute unless told).</summary>
    public SpreadsheetTable<T> Time(string header, Func<T, DateTimeOffset?> cell, string format = SpreadsheetCells.MinuteFormat) =>
        Add(header, row => cell(row) is { } at ? SpreadsheetCells.BeijingTime(at, format) : null);

    /// <summary>A column of yes (是) or no (否).</summary>
    public SpreadsheetTable<T> YesNo(string header, Func<T, bool> cell) => Add(header, row => cell(row) ? "是" : "否");

    /// <summary>Writes the header and then each row as it comes, in <paramref name="format"/>.</summary>
    public Task WriteAsync(Stream stream, SpreadsheetFormat format, IAsyncEnumerable<T> rows, CancellationToken cancellationToken) => format switch
    {
        SpreadsheetFormat.Csv => WriteCsvAsync(stream, rows, cancellationToken),
        SpreadsheetFormat.Xlsx => SpreadsheetXlsxWriter.WriteAsync(stream, this, rows, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No such spreadsheet format."),
    };

    /// <summary>The cell of <paramref name="row"/> in column <paramref name="column"/> as CSV writes it: numbers in invariant digits.</summary>
    internal string? CsvCell(T row, int column) => _columns[column].Cell(row) switch
    {
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        var text => (string?)text,
    };

    private async Task WriteCsvAsync(Stream stream, IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        await using var csv = new SpreadsheetCsvWriter(stream);
        await csv.WriteRowAsync([.. _columns.Select(c => c.Header)], cancellationToken);
        var cells = new string?[_columns.Count];
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = CsvCell(row, i);
            }

            await csv.WriteRowAsync(cells, cancellationToken);
        }
    }

    private SpreadsheetTable<T> Add(string header, Func<T, object?> cell)
    {
        if (_columns.Any(c => c.Header == header))
        {
            throw new ArgumentException($"The table has a column '{header}' already.", nameof(header));
        }

        _columns.Add(new SpreadsheetColumn<T>(header, cell));
        return this;
    }
}

/// <summary>One column of a <see cref="SpreadsheetTable{T}"/>: its header and its cell, a string, a decimal or null.</summary>
internal sealed record SpreadsheetColumn<T>(string Header, Func<T, object?> Cell);
