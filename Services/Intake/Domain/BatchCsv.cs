using System.Globalization;

namespace ProposalPlatform.Intake.Domain;

/// <summary>
/// The assigning office's CSV export: UTF-8, a header row naming the columns (any order, case
/// ignored), one item per row. Lists inside a field are separated by <c>;</c>; a co-signer is
/// <c>name|province|city|delegation|sector|phone|address</c> (the parts after city optional).
/// </summary>
public static class BatchCsv
{
    public const string ColumnsDescription =
        "Required columns: kind, sessionYear, number, title, text, topic, submitterName, submitterProvince, submitterCity. " +
        "Optional: sessionTerm, sessionMeeting, tags (';'-separated), handlingMode (Lead|CoHandling|Separate|Sole), isKeyItem (true/false, 是/否), " +
        "supervisingBody, submitterKind (Deputy|Member|Organisation), submitterDelegation, submitterSector, submitterPhone, submitterAddress, " +
        "coSigners (';'-separated, each name|province|city|delegation|sector|phone|address, every part after the name optional).";

    public static readonly IReadOnlyList<string> RequiredColumns =
        ["kind", "sessionYear", "number", "title", "text", "topic", "submitterName", "submitterProvince", "submitterCity"];

    public static readonly IReadOnlyList<string> OptionalColumns =
    [
        "sessionTerm", "sessionMeeting", "tags", "handlingMode", "isKeyItem", "supervisingBody", "submitterKind",
        "submitterDelegation", "submitterSector", "submitterPhone", "submitterAddress", "coSigners",
    ];

    /// <summary>Reads the header row: the column of each known name, or every problem with it.</summary>
    public static (IReadOnlyDictionary<string, int>? Columns, Dictionary<string, string[]> Errors) ReadHeader(CsvRecord? header)
    {
        var errors = new Dictionary<string, string[]>();
        if (header is null)
        {
            errors["header"] = ["The CSV is empty: it needs a header row and one row per item."];
            return (null, errors);
        }

        var known = RequiredColumns.Concat(OptionalColumns).ToDictionary(c => c, StringComparer.OrdinalIgnoreCase);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().TrimStart('\uFEFF');
            if (!known.TryGetValue(name, out var canonical))
            {
                unknown.Add(name);
            }
            else if (!columns.TryAdd(canonical, i))
            {
                errors[$"header.{canonical}"] = [$"The column {canonical} appears twice."];
            }
        }

        if (unknown.Count > 0)
        {
            errors["header"] = [$"Unknown columns: {string.Join(", ", unknown)}. {ColumnsDescription}"];
        }

        foreach (var missing in RequiredColumns.Where(c => !columns.ContainsKey(c)))
        {
            errors[$"header.{missing}"] = [$"The required column {missing} is missing."];
        }

        return errors.Count > 0 ? (null, errors) : (columns, errors);
    }

    /// <summary>Turns a record into a submission; fields that are not even of the right type are reported by column.</summary>
    public static BatchRow ReadRow(CsvRecord record, IReadOnlyDictionary<string, int> columns)
    {
        var errors = new List<RowError>();
        if (record.Malformed is not null)
        {
            return new BatchRow(record.Line, null, [new RowError(record.Line, "row", record.Malformed)]);
        }

        string? Get(string column) =>
            columns.TryGetValue(column, out var index) && index < record.Fields.Count && !string.IsNullOrWhiteSpace(record.Fields[index])
                ? record.Fields[index].Trim()
                : null;

        int? Number(string column)
        {
            var value = Get(column);
            if (value is null)
            {
                return null;
            }

            if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            // the row's errors are stored: they name the cell, never its content (ProposalRules says why)
            errors.Add(new RowError(record.Line, column, "Not a whole number."));
            return null;
        }

        var kind = Get("kind");
        var isKey = Get("isKeyItem");
        bool? isKeyItem = isKey is null ? null : ParseFlag(isKey);
        if (isKey is not null && isKeyItem is null)
        {
            errors.Add(new RowError(record.Line, "isKeyItem", "Not a yes/no value: use true or false."));
        }

        var submission = new ProposalSubmission(
            kind,
            new SessionInput(Number("sessionYear"), Number("sessionTerm"), Number("sessionMeeting")),
            Number("number"),
            Get("title"),
            Get("text"),
            new SubmitterInput(
                Get("submitterName"),
                Get("submitterDelegation"),
                Get("submitterProvince"),
                Get("submitterCity"),
                Get("submitterKind"),
                Get("submitterSector"),
                Get("submitterPhone"),
                Get("submitterAddress")),
            Get("topic"),
            ParseCoSigners(Get("coSigners")),
            SplitList(Get("tags")),
            Get("handlingMode"),
            isKeyItem,
            Get("supervisingBody"));

        return new BatchRow(record.Line, submission, errors);
    }

    /// <summary>The CSV column a validation error's JSON path belongs to.</summary>
    public static string ColumnOf(string jsonPath) => jsonPath switch
    {
        "session.year" => "sessionYear",
        "session.term" => "sessionTerm",
        "session.meeting" => "sessionMeeting",
        "leadSubmitter" => "submitterName",
        _ when jsonPath.StartsWith("leadSubmitter.", StringComparison.Ordinal) =>
            "submitter" + char.ToUpperInvariant(jsonPath["leadSubmitter.".Length]) + jsonPath[("leadSubmitter.".Length + 1)..],
        _ when jsonPath.StartsWith("tags[", StringComparison.Ordinal) => "tags",
        _ => jsonPath,
    };

    private static bool? ParseFlag(string value) => value.ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" or "Y" or "是" => true,
        "FALSE" or "0" or "NO" or "N" or "否" => false,
        _ => null,
    };

    private static List<string?>? SplitList(string? value) =>
        value?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => (string?)v).ToList();

    private static List<SubmitterInput?>? ParseCoSigners(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(entry =>
            {
                var parts = entry.Split('|', StringSplitOptions.TrimEntries);
                string? Part(int i) => i < parts.Length && parts[i].Length > 0 ? parts[i] : null;
                return (SubmitterInput?)new SubmitterInput(Part(0), Part(3), Part(1), Part(2), Sector: Part(4), Phone: Part(5), Address: Part(6));
            })
            .ToList();
    }
}
