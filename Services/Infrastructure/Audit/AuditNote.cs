using System.Globalization;

namespace ProposalPlatform.Infrastructure.Audit;

/// <summary>
/// What a write says of itself in the audit trail: the fields that changed, old → new, and the item it
/// made when it made one. A use case adds what is worth reading later; never a submitter's contact details.
/// </summary>
public sealed class AuditNote
{
    public const int MaxLength = 2_000;
    private const int MaxValueLength = 120;

    private readonly List<string> _parts = [];

    /// <summary>The item the write concerns, when it is not the item it was called on (a new item's id).</summary>
    public Guid? ItemId { get; set; }

    /// <summary>Notes a field whose value went from <paramref name="before"/> to <paramref name="after"/>; nothing when they are equal.</summary>
    public AuditNote Changed<T>(string field, T? before, T? after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
        {
            _parts.Add($"{field}: {Show(before)} → {Show(after)}");
        }

        return this;
    }

    /// <summary>Notes a value the write set (one that had none before).</summary>
    public AuditNote Set<T>(string field, T? value)
    {
        _parts.Add($"{field}: {Show(value)}");
        return this;
    }

    public string? Text
    {
        get
        {
            if (_parts.Count == 0)
            {
                return null;
            }

            var text = string.Join("; ", _parts);
            return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength - 1), "…");
        }
    }

    private static string Show<T>(T? value)
    {
        var text = value switch
        {
            null => "∅",
            DateTimeOffset at => at.ToString("yyyy-MM-dd HH:mm:ssK", CultureInfo.InvariantCulture),
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "∅",
        };
        return text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength - 1), "…");
    }
}
