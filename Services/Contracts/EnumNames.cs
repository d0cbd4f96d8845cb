namespace ProposalPlatform.Contracts;

/// <summary>Reads an enum from its name only, ignoring case: never from a number or a comma-separated list.</summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? value, out T parsed) where T : struct, Enum
    {
        var name = value?.Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                parsed = candidate;
                return true;
            }
        }

        parsed = default;
        return false;
    }

    public static string List<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());
}
