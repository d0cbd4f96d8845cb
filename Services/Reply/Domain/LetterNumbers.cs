using System.Globalization;
using System.Text.RegularExpressions;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.Reply.Domain;

/// <summary>
/// The numbers (文号) of the body's reply letters: one gapless sequence a year, from 1, the year being
/// the Beijing year of issue, written in the body's format, e.g. <c>署办函〔{year}〕{number}号</c>.
/// </summary>
public static partial class LetterNumbers
{
    public const string YearPlaceholder = "{year}";
    public const string NumberPlaceholder = "{number}";
    public const string DefaultFormat = "署办函〔" + YearPlaceholder + "〕" + NumberPlaceholder + "号";
    public const int MaxFormatLength = 100;

    /// <summary>The year whose sequence a letter issued at <paramref name="issuedAt"/> is numbered in: Beijing's.</summary>
    public static int YearOf(DateTimeOffset issuedAt) => BeijingCalendar.DayOf(issuedAt).Year;

    /// <summary>The letter number of the <paramref name="number"/>th letter of <paramref name="year"/>.</summary>
    public static string Format(string format, int year, int number) => format
        .Replace(YearPlaceholder, year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace(NumberPlaceholder, number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Why <paramref name="format"/> cannot number letters, or null when it can.</summary>
    public static string? Refuse(string? format)
    {
        if (string.IsNullOrWhiteSpace(format) || format.Length > MaxFormatLength)
        {
            return $"The letter number format is 1 to {MaxFormatLength} characters, e.g. {DefaultFormat}.";
        }

        var placeholders = Placeholder().Matches(format).Select(m => m.Value).ToList();
        if (placeholders.Count(p => p == NumberPlaceholder) != 1 || placeholders.Count(p => p == YearPlaceholder) > 1
            || placeholders.Any(p => p is not (NumberPlaceholder or YearPlaceholder)) || format.Count(c => c is '{' or '}') != 2 * placeholders.Count)
        {
            return $"The letter number format holds {NumberPlaceholder} once, {YearPlaceholder} at most once, and no other braces: '{format}' does not.";
        }

        return null;
    }

    [GeneratedRegex(@"\{[^{}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
