using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace ProposalPlatform.Portal.Clients;

/// <summary>
/// The assigning office's file as the portal sends it, unchanged: its format, how many items it
/// holds (the progress bar's whole), the reference a JSON batch names itself by, and the SHA-256 of
/// its bytes, by which intake finds the batch an upload created while the upload is still answered.
/// </summary>
public sealed record BatchFile(string Format, byte[] Content, string ContentHash, int? Rows, string? Reference)
{
    /// <summary>A whole session's batch with room to spare; the gateway takes more, the browser's upload is the limit here.</summary>
    public const long MaxBytes = 100L * 1024 * 1024;

    /// <summary>JSON when it starts with <c>{</c> (after a BOM or blanks), else CSV.</summary>
    public static BatchFile Of(byte[] content)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var text = content.AsSpan();
        if (text.StartsWith(Encoding.UTF8.Preamble))
        {
            text = text[Encoding.UTF8.Preamble.Length..];
        }

        var json = text.TrimStart(" \t\r\n"u8).StartsWith("{"u8);
        var (rows, reference) = json ? ReadJson(text) : (CountCsvRecords(content), null);
        return new BatchFile(json ? "json" : "csv", content, hash, rows, reference);
    }

    /// <summary>
    /// The batch's reference and the number of its items, read without building the document; null
    /// where the JSON cannot be read (intake refuses it and says why).
    /// </summary>
    private static (int? Rows, string? Reference) ReadJson(ReadOnlySpan<byte> content)
    {
        var reader = new Utf8JsonReader(content, default);
        int? rows = null;
        string? reference = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                var name = reader.GetString();
                reader.Read();
                if (string.Equals(name, "batchReference", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.String)
                {
                    reference = reader.GetString();
                }
                else if (string.Equals(name, "items", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.StartArray)
                {
                    var count = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        count++;
                        reader.Skip();
                    }

                    rows = count;
                }
                else
                {
                    reader.Skip();
                }
            }

            return (rows, reference);
        }
        catch (JsonException)
        {
            return (null, reference);
        }
    }

    /// <summary>
    /// The records after the header, as intake counts them (RFC 4180, line breaks inside quotes kept,
    /// blank lines skipped). Read as UTF-8 bytes whatever the file's charset: the commas, quotes and
    /// line breaks are the same bytes in GB18030, and no other byte of it is one of them.
    /// </summary>
    private static int CountCsvRecords(byte[] content)
    {
        using var reader = CsvReader.Create(content, CsvReaderOptions.Default);
        var records = 0;
        while (reader.Read())
        {
            records++;
        }

        return records;
    }
}
