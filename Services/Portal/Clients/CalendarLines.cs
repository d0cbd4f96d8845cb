using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ProposalPlatform.Portal.Clients;

/// <summary>
/// A year of the holiday calendar as the office types it from the State Council's notice, a line per
/// holiday period or make-up working day: <c>2026-02-15~2026-02-23 放假 春节</c>, <c>2026-02-14 上班 春节</c>.
/// The portal writes the year it has the same way, so that the office edits what is there.
/// </summary>
public static partial class CalendarLines
{
    /// <summary>No holiday period of a notice is longer.</summary>
    public const int MaxPeriodDays = 31;

    private const string DateFormat = "yyyy-MM-dd";

    private static readonly Dictionary<string, string> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["放假"] = CalendarDayEntry.Holiday,
        ["休"] = CalendarDayEntry.Holiday,
        [CalendarDayEntry.Holiday] = CalendarDayEntry.Holiday,
        ["上班"] = CalendarDayEntry.MakeUpWorkday,
        ["调休上班"] = CalendarDayEntry.MakeUpWorkday,
        ["班"] = CalendarDayEntry.MakeUpWorkday,
        [CalendarDayEntry.MakeUpWorkday] = CalendarDayEntry.MakeUpWorkday,
    };

    /// <summary>The days as lines: consecutive holidays of one name as one period, each make-up working day on its own.</summary>
    public static string Format(IEnumerable<CalendarDayEntry> days)
    {
        var text = new StringBuilder();
        var sorted = days.OrderBy(d => d.Date).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var first = sorted[i];
            var last = first;
            while (first.Kind == CalendarDayEntry.Holiday && i + 1 < sorted.Count && sorted[i + 1] is { Kind: CalendarDayEntry.Holiday } next
                   && next.Name == first.Name && next.Date == last.Date.AddDays(1))
            {
                last = next;
                i++;
            }

            text.Append(first.Date.ToString(DateFormat, CultureInfo.InvariantCulture));
            if (last.Date != first.Date)
            {
                text.Append('~').Append(last.Date.ToString(DateFormat, CultureInfo.InvariantCulture));
            }

            text.Append(first.Kind == CalendarDayEntry.Holiday ? " 放假 " : " 上班 ").Append(first.Name).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The days the lines give, and the numbers (from 1) of the lines that give none; blank lines are skipped.</summary>
    public static (IReadOnlyList<CalendarDayEntry> Days, IReadOnlyList<int> BadLines) Parse(string? text)
    {
        var days = new List<CalendarDayEntry>();
        var bad = new List<int>();
        var lines = (text ?? "").Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (Line().Match(line) is not { Success: true } match
                || !DateOnly.TryParseExact(match.Groups["from"].Value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !Kinds.TryGetValue(match.Groups["kind"].Value, out var kind))
            {
                bad.Add(n + 1);
                continue;
            }

            var to = from;
            if (match.Groups["to"].Success
                && (!DateOnly.TryParseExact(match.Groups["to"].Value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out to)
                    || to < from || to.DayNumber - from.DayNumber >= MaxPeriodDays || kind != CalendarDayEntry.Holiday))
            {
                bad.Add(n + 1);
                continue;
            }

            var name = match.Groups["name"].Value.Trim();
            days.AddRange(Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => new CalendarDayEntry(from.AddDays(i), kind, name)));
        }

        return (days, bad);
    }

    [GeneratedRegex(@"^(?<from>\d{4}-\d{2}-\d{2})(\s*[~～至]\s*(?<to>\d{4}-\d{2}-\d{2}))?\s+(?<kind>\S+)\s+(?<name>.+)$")]
    private static partial Regex Line();
}
