using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;
using ProposalPlatform.Portal.Resources;

namespace ProposalPlatform.Portal.Clients;

/// <summary>
/// The services' messages as the portal shows them: the APIs speak English (the charter), the portal's
/// people read Chinese. A message that fits one of <see cref="ServiceMessages.Shapes"/> is written again
/// from its Chinese template in <c>Resources/Messages.resx</c>, with the values it carries (times in
/// Beijing time, the APIs' enum names in their words); a message of several sentences is translated
/// sentence by sentence; an unknown message is shown as it came, never lost. Under an English UI
/// culture every message is shown as the service wrote it.
/// </summary>
public static partial class ChineseMessages
{
    private static readonly ResourceManager Chinese = new(typeof(Messages)) { IgnoreCase = true };

    private static readonly HashSet<string> Numbers =
        ["n", "n2", "round", "line", "rows", "accepted", "known", "rejected", "length", "pos", "version", "version2", "days", "number", "year"];

    private static readonly HashSet<string> Words =
        ["id", "id2", "code", "code2", "kind", "kind2", "channel", "step", "step2", "at", "at2", "day", "day2", "day3", "weekday", "class", "publication",
         "level", "level2", "state", "constraint", "status", "type", "charset", "encoding", "column", "op", "outcome"];

    // after the sets above: the patterns are made from them
    private static readonly IReadOnlyList<(string Key, Regex Pattern)> Patterns =
        [.. ServiceMessages.Shapes.Select(s => (s.Key, PatternOf(s.English)))];

    /// <summary>The message in the reader's language: Chinese for a zh UI culture, as written otherwise.</summary>
    [return: NotNullIfNotNull(nameof(message))]
    public static string? Show(string? message) =>
        message is not null && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? ToChinese(message) : message;

    /// <summary>The message in Chinese, or as it came when no shape fits it.</summary>
    public static string ToChinese(string message)
    {
        var text = message.Trim();
        if (text.Length == 0)
        {
            return message;
        }

        foreach (var (key, pattern) in Patterns)
        {
            if (Fits(pattern, text) is { } match && Chinese.GetString(key, CultureInfo.InvariantCulture) is { } template)
            {
                return Fill(template, match);
            }
        }

        var sentences = SentenceBreak().Split(text);
        if (sentences.Length < 2)
        {
            return message;
        }

        var joined = new StringBuilder();
        foreach (var sentence in sentences.Select(ToChinese))
        {
            if (joined.Length > 0 && (IsAscii(joined[^1]) || IsAscii(sentence[0])))
            {
                joined.Append(' ');
            }

            joined.Append(sentence);
        }

        return joined.ToString();
    }

    /// <summary>A field's JSON path in words: <c>coSigners[1].name</c> is 附议人（第 2 项）姓名; a part with no word stays as it is.</summary>
    public static string FieldName(string path) =>
        string.Concat(path.Split('.').Select(part => FieldPart().Match(part) is { Success: true } m
            ? (Word("Field", m.Groups["name"].Value) ?? m.Groups["name"].Value)
              + (m.Groups["index"].Success ? $"（第 {int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) + 1} 项）" : "")
            : part));

    /// <summary>The match, or null; a text so long that matching it runs out of time is not that shape (and is shown as it came).</summary>
    private static Match? Fits(Regex pattern, string text)
    {
        try
        {
            return pattern.Match(text) is { Success: true } match ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static string Fill(string template, Match match) =>
        Placeholder().Replace(template, p => match.Groups[p.Groups["name"].Value] is { Success: true } group ? Render(p.Groups["name"].Value, group.Value) : p.Value);

    private static string Render(string name, string value) => name switch
    {
        _ when name.StartsWith("msg", StringComparison.Ordinal) => Phrase(value),
        _ when name.StartsWith("fields", StringComparison.Ordinal) => string.Join("、", ListItems(value).Select(FieldName)),
        _ when name.StartsWith("field", StringComparison.Ordinal) => FieldName(value),
        // an item that has a comma of its own is quoted, so that the list still reads as its items
        _ when name.StartsWith("list", StringComparison.Ordinal) => string.Join("、", ListItems(value).Select(Phrase).Select(i => i.Contains('，') ? $"“{i}”" : i)),
        _ => Value(value),
    };

    /// <summary>A part of a message that may be a message, a value or neither.</summary>
    private static string Phrase(string text) => Value(text) is var value && value != text ? value : ToChinese(text);

    /// <summary>A value a message carries: a time in Beijing time, an enum name, role or service in its words, anything else as it is.</summary>
    private static string Value(string value) =>
        IsoTime().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? BeijingTime.Format(at)
            : Word("Value", value) ?? value;

    private static string? Word(string kind, string name) => Chinese.GetString($"{kind}.{name}", CultureInfo.InvariantCulture);

    private static IEnumerable<string> ListItems(string list) =>
        ListSeparator().Split(list).Select(item => item.Trim().Trim('\'')).Where(item => item.Length > 0);

    private static bool IsAscii(char c) => c < 128;

    /// <summary>A shape as a pattern: its text literally, each placeholder a named group (a repeated one the same value).</summary>
    private static Regex PatternOf(string shape)
    {
        var pattern = new StringBuilder("^");
        var seen = new HashSet<string>();
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(shape))
        {
            pattern.Append(Regex.Escape(shape[at..placeholder.Index]));
            var name = placeholder.Groups["name"].Value;
            pattern.Append(!seen.Add(name) ? $@"\k<{name}>" : $"(?<{name}>{GroupOf(name)})");
            at = placeholder.Index + placeholder.Length;
        }

        pattern.Append(Regex.Escape(shape[at..])).Append('$');
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100));
    }

    private static string GroupOf(string name) => name switch
    {
        _ when Numbers.Contains(name) => @"-?\d+",
        _ when Words.Contains(name) => @"\S+",
        "decision" => "approved|sent back",
        _ when name.StartsWith("field", StringComparison.Ordinal) && !name.StartsWith("fields", StringComparison.Ordinal) => @"[A-Za-z][\w.\[\]]*",
        _ => ".*?",
    };

    [GeneratedRegex(@"\{(?<name>[A-Za-z]\w*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z'""])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@", |; | or | and ")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"^(?<name>\w+)(\[(?<index>\d+)\])?$")]
    private static partial Regex FieldPart();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)? ?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoTime();
}
