using System.Runtime.CompilerServices;
using System.Text;

namespace ProposalPlatform.Intake.Domain;

/// <summary>One record of a CSV file: its fields and the line it starts on (1 is the first line).</summary>
/// <param name="Malformed">Why the record could not be read whole, when it could not.</param>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Malformed = null);

/// <summary>
/// Reads RFC 4180 CSV a block at a time, so a file of any size costs one record of memory: fields
/// separated by commas, optionally quoted with <c>"</c>, <c>""</c> inside quotes for a quote, line
/// breaks (CRLF or LF) inside quotes kept. Blank lines are skipped.
/// </summary>
public static class CsvRecords
{
    private const int BlockSize = 64 * 1024;

    public static async IAsyncEnumerable<CsvRecord> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = new char[BlockSize];
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var quotedField = false;
        var afterQuote = false; // a quote just closed a quoted section (or is the first of a "" pair)
        var recordStarted = false;
        var pendingCarriageReturn = false;

        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (pendingCarriageReturn)
                {
                    pendingCarriageReturn = false;
                    if (c == '\n')
                    {
                        continue; // the LF of a CRLF that already ended the record
                    }
                }

                if (inQuotes)
                {
                    if (c == '"')
                    {
                        inQuotes = false;
                        afterQuote = true;
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                    }

                    continue;
                }

                if (afterQuote && c == '"')
                {
                    // "" inside a quoted field is one quote
                    field.Append('"');
                    inQuotes = true;
                    afterQuote = false;
                    continue;
                }

                afterQuote = false;
                switch (c)
                {
                    case '"' when field.Length == 0 && !quotedField:
                        inQuotes = true;
                        quotedField = true;
                        recordStarted = true;
                        break;
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        quotedField = false;
                        recordStarted = true;
                        break;
                    case '\r' or '\n':
                        if (recordStarted || field.Length > 0)
                        {
                            fields.Add(field.ToString());
                            yield return new CsvRecord(recordLine, [.. fields]);
                        }

                        fields.Clear();
                        field.Clear();
                        quotedField = false;
                        recordStarted = false;
                        line++;
                        recordLine = line;
                        pendingCarriageReturn = c == '\r';
                        break;
                    default:
                        field.Append(c);
                        recordStarted = true;
                        break;
                }
            }
        }

        if (inQuotes)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, [.. fields], $"A quoted field opened on line {recordLine} is never closed.");
        }
        else if (recordStarted || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, [.. fields]);
        }
    }

    /// <summary>Quotes a field when it needs it (for writing CSV, and for tests).</summary>
    public static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
