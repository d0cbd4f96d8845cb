using System.Text.RegularExpressions;

namespace ProposalPlatform.Reply.Domain;

/// <summary>
/// Removes contact details from the published version of a reply: e-mail addresses, ID card numbers,
/// mobile and landline numbers, and any other long run of digits that looks like an identifier.
/// </summary>
public static partial class ContactDetailsRedactor
{
    public const string Mask = "***";

    public static string Redact(string text)
    {
        // e-mail first: its local part may hold digits the number patterns would half-remove
        var redacted = Email().Replace(text, Mask);
        redacted = IdCardNumber().Replace(redacted, Mask);
        redacted = MobileNumber().Replace(redacted, Mask);
        redacted = LandlineNumber().Replace(redacted, Mask);
        redacted = LabelledLocalNumber().Replace(redacted, Mask);
        return LongDigitRun().Replace(redacted, Mask);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // 18-digit resident ID (last may be X) or the old 15-digit one
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex IdCardNumber();

    // 1[3-9]x xxxx xxxx, with +86 and spaces or hyphens
    [GeneratedRegex(@"(?<![0-9])(?:(?:\+|00)?86[\s\-]?)?1[3-9][0-9][\s\-]?[0-9]{4}[\s\-]?[0-9]{4}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex MobileNumber();

    // area code 0xx(x), bracketed or not, 7-8 digits, optional extension
    [GeneratedRegex(@"(?:(?<![0-9])(?:\+?86[\s\-]?)?(?:[(（]0[0-9]{2,3}[)）]|0[0-9]{2,3})[\s\-]?[0-9]{7,8}(?:(?:[\s\-]|转|ext\.?)[0-9]{1,6})?(?![0-9]))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LandlineNumber();

    // a local number without area code, recognisable only by its label
    [GeneratedRegex(@"(?<=(?:电话|手机|座机|传真|联系方式|tel|phone|fax)\s*(?:号码)?\s*[:：]?\s*)[0-9][0-9\s\-]{5,12}[0-9](?![0-9])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LabelledLocalNumber();

    [GeneratedRegex(@"(?<![0-9])[0-9]{11,}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex LongDigitRun();
}
