namespace ProposalPlatform.Intake.Domain;

/// <summary>A problem with one row of a batch: the line (CSV) or item position (JSON, from 1) and the field.</summary>
public sealed record RowError(int Line, string Field, string Message);

/// <summary>One row of a batch as read: the submission, or why it could not even be read.</summary>
public sealed record BatchRow(int Line, ProposalSubmission? Submission, IReadOnlyList<RowError> Errors);

/// <summary>A row that passed every check.</summary>
public sealed record ValidBatchRow(int Line, NewProposal Proposal);

/// <summary>What the assigning office says about the whole batch.</summary>
public sealed record BatchHeader(string Reference, DateTimeOffset? AssignedAt);

/// <summary>The rules every row of a batch goes through, on top of <see cref="ProposalRules"/>.</summary>
public static class BatchRules
{
    /// <summary>Rows inserted per transaction: large enough to make a batch cheap, small enough to show progress.</summary>
    public const int ChunkSize = 500;

    /// <summary>Checks the batch's own fields, keyed by their names (query parameter or JSON property).</summary>
    public static (BatchHeader? Header, Dictionary<string, string[]> Errors) ValidateHeader(string? reference, string? assignedAt, int currentYear)
    {
        var errors = new Dictionary<string, string[]>();
        var trimmed = reference?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors["batchReference"] = ["The assigning office's batch reference is required."];
        }
        else if (trimmed.Length > ProposalRules.MaxReferenceLength)
        {
            errors["batchReference"] = [$"At most {ProposalRules.MaxReferenceLength} characters."];
        }

        DateTimeOffset? date = null;
        if (!string.IsNullOrWhiteSpace(assignedAt))
        {
            if (TryParseDate(assignedAt, out var parsed) && parsed.Year >= ProposalRules.FirstSessionYear && parsed.Year <= currentYear + 1)
            {
                date = parsed;
            }
            else
            {
                errors["assignedAt"] = [$"'{assignedAt}' is not a date of assignment: use yyyy-MM-dd or an ISO 8601 date and time."];
            }
        }

        return errors.Count > 0 ? (null, errors) : (new BatchHeader(trimmed!, date), errors);
    }

    /// <summary>A date alone is taken as midnight in Beijing (UTC+8), where the assigning offices work.</summary>
    public static bool TryParseDate(string value, out DateTimeOffset date)
    {
        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            date = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            return true;
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out date);
    }

    /// <summary>Validates a row read from the batch, giving it the batch's reference and date.</summary>
    public static (ValidBatchRow? Row, IReadOnlyList<RowError> Errors) Validate(BatchRow row, BatchHeader header, int currentYear, Func<string, string>? fieldName = null)
    {
        if (row.Submission is null)
        {
            return (null, row.Errors);
        }

        var submission = row.Submission with
        {
            BatchReference = header.Reference,
            AssignedByOfficeAt = row.Submission.AssignedByOfficeAt ?? header.AssignedAt,
        };
        var (proposal, errors) = ProposalRules.Validate(submission, currentYear);
        var all = new List<RowError>(row.Errors);
        foreach (var (field, messages) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var name = fieldName is null ? field : fieldName(field);
            if (all.Exists(e => e.Field == name))
            {
                continue; // already reported when the row was read (a number that is not a number)
            }

            all.AddRange(messages.Select(m => new RowError(row.Line, name, m)));
        }

        return all.Count > 0 || proposal is null ? (null, all) : (new ValidBatchRow(row.Line, proposal), all);
    }
}
