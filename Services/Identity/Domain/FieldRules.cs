using System.Text.RegularExpressions;

namespace ProposalPlatform.Identity.Domain;

/// <summary>The shapes of the names people and clients are given.</summary>
public static partial class FieldRules
{
    public const int MinNameLength = 3;
    public const int MaxNameLength = 64;
    public const int MaxDisplayNameLength = 100;
    public const int MaxUnitCodeLength = 50;
    public const int MaxEmailLength = 254;

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Z0-9-]+$")]
    private static partial Regex UnitCodePattern();

    // one mailbox, local@domain, the domain with at least one dot; no display name, no spaces, no list
    [GeneratedRegex(@"^[^@\s<>(),;:""\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();

    /// <summary>A user name or client id: 3–64 of A–Z, a–z, 0–9, '.', '_', '-'.</summary>
    public static string? CheckName(string? value, string what) => value switch
    {
        null or "" => $"The {what} is required.",
        { Length: < MinNameLength or > MaxNameLength } => $"The {what} is {MinNameLength} to {MaxNameLength} characters long.",
        _ when !NamePattern().IsMatch(value) => $"The {what} may contain only letters A-Z and a-z, digits, '.', '_' and '-'.",
        _ => null,
    };

    public static string? CheckDisplayName(string? value) => value?.Trim() switch
    {
        null or "" => "The display name is required.",
        { Length: > MaxDisplayNameLength } => $"The display name is at most {MaxDisplayNameLength} characters long.",
        _ => null,
    };

    public static string? CheckUnitCode(string? value) => value switch
    {
        null or "" => "The unit code is required.",
        { Length: > MaxUnitCodeLength } => $"The unit code is at most {MaxUnitCodeLength} characters long.",
        _ when !UnitCodePattern().IsMatch(value) => "The unit code may contain only capital letters A-Z, digits and '-'.",
        _ => null,
    };

    /// <summary>A work e-mail address, where one is given (null: none): one mailbox such as li.ming@customs.gov.cn.</summary>
    public static string? CheckEmail(string? value) => value switch
    {
        null => null,
        { Length: > MaxEmailLength } => $"The e-mail address is at most {MaxEmailLength} characters long.",
        _ when !EmailPattern().IsMatch(value) || !System.Net.Mail.MailAddress.TryCreate(value, out var parsed) || parsed.Address != value =>
            "The e-mail address is not valid: give one address such as li.ming@customs.gov.cn, or leave it out.",
        _ => null,
    };
}
