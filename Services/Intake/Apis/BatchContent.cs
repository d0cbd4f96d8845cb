using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Apis;

/// <summary>
/// A batch's rows read from its body, as JSON or CSV: from the upload itself, or from the copy intake
/// kept of it when it finishes an interrupted batch. Disposing it closes what reads the body.
/// </summary>
/// <param name="FieldNames">The name a row's field is reported under: by the row's line, the field's path in the item.</param>
public sealed class OpenedBatch(IAsyncEnumerable<BatchRow> rows, Func<int, Func<string, string>> fieldNames, IAsyncDisposable? reader = null) : IAsyncDisposable
{
    public IAsyncEnumerable<BatchRow> Rows { get; } = rows;

    public Func<int, Func<string, string>> FieldNames { get; } = fieldNames;

    public ValueTask DisposeAsync() => reader?.DisposeAsync() ?? ValueTask.CompletedTask;
}

public static class BatchContent
{
    /// <summary>The JSON batch in <paramref name="body"/>, or why it cannot be read.</summary>
    public static async Task<(BatchSubmission? Submission, ProblemDetails? Unreadable)> ReadJsonAsync(
        Stream body, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return (await JsonSerializer.DeserializeAsync<BatchSubmission>(body, options, cancellationToken), null);
        }
        catch (JsonException ex)
        {
            return (null, new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The batch could not be read.",
                Detail = $"The JSON is not valid at {ex.Path}: {ex.Message}",
            });
        }
    }

    /// <summary>The items of a JSON batch as rows, each reported by its position from 1 and its JSON path.</summary>
    public static OpenedBatch JsonRows(IReadOnlyList<ProposalSubmission?> items) =>
        new(EachItem(items), i => path => $"items[{i - 1}].{path}");

    /// <summary>The rows of a CSV batch after its header, or the header's errors.</summary>
    public static async Task<(OpenedBatch? Batch, Dictionary<string, string[]> Errors)> OpenCsvAsync(
        Stream body, Encoding encoding, CancellationToken cancellationToken)
    {
        var reader = new StreamReader(body, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 65536, leaveOpen: true);
        var records = CsvRecords.ReadAsync(reader, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var header = await records.MoveNextAsync() ? records.Current : null;
        var (columns, errors) = BatchCsv.ReadHeader(header);
        var closing = new Closing(records, reader);
        if (columns is null)
        {
            await closing.DisposeAsync();
            return (null, errors);
        }

        return (new OpenedBatch(CsvRows(records, columns), _ => BatchCsv.ColumnOf, closing), errors);
    }

    /// <summary>
    /// The rows of a batch intake kept a copy of, read as its upload was (the header is the batch's own);
    /// null when the copy does not read as a batch any more.
    /// </summary>
    public static async Task<OpenedBatch?> OpenCopyAsync(
        Stream copy, string format, string? charset, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        if (format == "json")
        {
            var (submission, unreadable) = await ReadJsonAsync(copy, options, cancellationToken);
            return unreadable is null && submission?.Items is { } items ? JsonRows(items) : null;
        }

        return CsvEncodings.For(charset) is { } encoding ? (await OpenCsvAsync(copy, encoding, cancellationToken)).Batch : null;
    }

    private static async IAsyncEnumerable<BatchRow> EachItem(IReadOnlyList<ProposalSubmission?> items)
    {
        await Task.CompletedTask;
        for (var i = 0; i < items.Count; i++)
        {
            var line = i + 1;
            yield return items[i] is { } item
                ? new BatchRow(line, item, [])
                : new BatchRow(line, null, [new RowError(line, $"items[{i}]", "An item cannot be empty.")]);
        }
    }

    private static async IAsyncEnumerable<BatchRow> CsvRows(IAsyncEnumerator<CsvRecord> records, IReadOnlyDictionary<string, int> columns)
    {
        while (await records.MoveNextAsync())
        {
            yield return BatchCsv.ReadRow(records.Current, columns);
        }
    }

    private sealed class Closing(IAsyncEnumerator<CsvRecord> records, StreamReader reader) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await records.DisposeAsync();
            reader.Dispose();
        }
    }
}
