namespace ProposalPlatform.Assignment.Domain;

/// <summary>
/// Province and city names as people write them ("广东省", "广东", "深圳市", "内蒙古自治区") reduced to
/// one form, so that coverage and lookups compare like with like.
/// </summary>
public static class PlaceNames
{
    // longest first: "广西壮族自治区" must lose "壮族自治区", not only "自治区"
    private static readonly string[] Suffixes =
        ["维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "地区", "省", "市", "盟"];

    public static string Normalize(string? name)
    {
        var trimmed = (name ?? string.Empty).Trim();
        foreach (var suffix in Suffixes)
        {
            // never strip a name down to a single character ("沙市" stays whole only if it were "市")
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal) && trimmed.Length - suffix.Length >= 2)
            {
                return trimmed[..^suffix.Length];
            }
        }

        return trimmed;
    }
}
