using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.Infrastructure.Export;

/// <summary>
/// An export endpoint's two ends: the <c>format</c> it is asked for, and the file it answers,
/// streamed as the rows are read, with its content type and a name that says when it was made.
/// </summary>
public static class SpreadsheetExport
{
    /// <summary>The query parameter that names the format: <c>csv</c> (when none is given) or <c>xlsx</c>.</summary>
    public const string FormatParameter = "format";

    /// <summary>The format asked for, csv when none; an unknown one is an error naming <see cref="FormatParameter"/>.</summary>
    public static SpreadsheetFormat ParseFormat(string? format, IDictionary<string, string[]> errors)
    {
        if (format is null)
        {
            return SpreadsheetFormat.Csv;
        }

        if (EnumNames.TryParse<SpreadsheetFormat>(format, out var parsed))
        {
            return parsed;
        }

        errors[FormatParameter] = [$"'{format}' is not a format: use csv or xlsx."];
        return SpreadsheetFormat.Csv;
    }

    /// <summary>
    /// The file: <paramref name="table"/> over <paramref name="rows"/>, written while they are read, named
    /// <c>{name}-{yyyyMMdd-HHmm}.csv</c> or <c>.xlsx</c> after <paramref name="at"/> in Beijing time.
    /// </summary>
    public static PushStreamHttpResult File<T>(
        SpreadsheetTable<T> table, IAsyncEnumerable<T> rows, SpreadsheetFormat format, string name, DateTimeOffset at, CancellationToken cancellationToken) =>
        TypedResults.Stream(
            body => table.WriteAsync(body, format, rows, cancellationToken),
            ContentType(format),
            $"{name}-{SpreadsheetCells.BeijingTime(at, "yyyyMMdd-HHmm")}.{format.ToString().ToLowerInvariant()}");

    /// <summary>The file of rows held in memory (a report's few rows).</summary>
    public static PushStreamHttpResult File<T>(
        SpreadsheetTable<T> table, IEnumerable<T> rows, SpreadsheetFormat format, string name, DateTimeOffset at, CancellationToken cancellationToken) =>
        File(table, rows.ToAsyncEnumerable(), format, name, at, cancellationToken);

    public static string ContentType(SpreadsheetFormat format) => format switch
    {
        SpreadsheetFormat.Csv => SpreadsheetCsvWriter.ContentType,
        SpreadsheetFormat.Xlsx => SpreadsheetXlsxWriter.ContentType,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No such spreadsheet format."),
    };

    /// <summary>Documents the endpoint's 200 answer as a CSV or Excel file.</summary>
    public static RouteHandlerBuilder ProducesSpreadsheet(this RouteHandlerBuilder builder) =>
        builder.Produces(StatusCodes.Status200OK, responseType: null, contentType: "text/csv", SpreadsheetXlsxWriter.ContentType);
}
