using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace ProposalPlatform.Infrastructure.PersonalData;

/// <summary>
/// The key ring that seals personal data (section <c>PersonalData</c>): every key by its id, and the
/// one new values are sealed with. The keys live in configuration, never in the database they protect.
/// </summary>
public sealed partial class PersonalDataOptions : IValidatableObject
{
    public const string Section = "PersonalData";

    /// <summary>Each key id (letters, digits, '-' and '_', at most 32) and its key: 32 random bytes in base64.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>The id of the key that seals new values; the others still open what they sealed.</summary>
    public string? CurrentKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Keys.Count == 0)
        {
            yield return new ValidationResult("PersonalData:Keys is empty: the service needs the key ring that seals personal data.", [nameof(Keys)]);
        }

        foreach (var (id, key) in Keys)
        {
            if (!KeyIdPattern().IsMatch(id))
            {
                yield return new ValidationResult($"PersonalData:Keys:{id}: a key id has 1 to 32 letters, digits, '-' or '_'.", [nameof(Keys)]);
            }

            if (!IsKey(key))
            {
                yield return new ValidationResult($"PersonalData:Keys:{id} is not 32 bytes in base64.", [nameof(Keys)]);
            }
        }

        if (CurrentKey is null || !Keys.ContainsKey(CurrentKey))
        {
            yield return new ValidationResult("PersonalData:CurrentKey must name a key of PersonalData:Keys.", [nameof(CurrentKey)]);
        }
    }

    private static bool IsKey(string? value)
    {
        Span<byte> bytes = stackalloc byte[48];
        return value is not null && Convert.TryFromBase64String(value, bytes, out var written) && written == PersonalDataCipher.KeySize;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex KeyIdPattern();
}
