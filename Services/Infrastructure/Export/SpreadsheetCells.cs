using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ProposalPlatform.Infrastructure.Export;

/// <summary>
/// What every CSV or Excel export does to a cell before writing it: a cell that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return would be run as a formula by the
/// spreadsheet that opens the file (<c>=cmd|' /C calc'!A0</c>; a plain negative number excepted), so it is written with a <c>'</c> in
/// front, which spreadsheets read as "this cell is text" (OWASP, CSV injection). Values are stored as
/// they came; only what leaves the platform as a spreadsheet is neutralised.
/// </summary>
public static class SpreadsheetCells
{
    /// <summary>The characters that make a spreadsheet read a cell as a formula when it starts with one.</summary>
    public const string FormulaStarts = "=+-@\t\r";

    /// <summary>What a neutralised cell starts with.</summary>
    public const char TextMark = '\'';

    /// <summary>How an export writes a time: to the minute, e.g. 2026-03-05 14:30.</summary>
    public const string MinuteFormat = "yyyy-MM-dd HH:mm";

    /// <summary>Beijing time, UTC+08:00 all year (no daylight saving), in which the platform's people read times.</summary>
    public static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    private static readonly SearchValues<char> Starts = SearchValues.Create(FormulaStarts);

    /// <summary>The cell as a spreadsheet should show it: with <see cref="TextMark"/> in front when it starts like a formula.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Neutralise(string? value) =>
        value is { Length: > 0 } && Starts.Contains(value[0]) && !IsPlainNumber(value) ? TextMark + value : value;

    /// <summary>A negative number (a change from the year before, say) is a number to a spreadsheet, never a formula.</summary>
    private static bool IsPlainNumber(string value) =>
        value[0] == '-' && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    /// <summary>The time as Beijing reads it, in <paramref name="format"/> (to the minute unless told).</summary>
    public static string BeijingTime(DateTimeOffset at, string format = MinuteFormat) =>
        at.ToOffset(BeijingOffset).ToString(format, CultureInfo.InvariantCulture);
}
