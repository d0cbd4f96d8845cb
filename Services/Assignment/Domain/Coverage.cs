namespace ProposalPlatform.Assignment.Domain;

/// <summary>A place a customs district covers: a whole province when <see cref="City"/> is null, else one city.</summary>
public sealed record Coverage(string UnitCode, string Province, string? City);

/// <summary>Finds the customs district that covers where a submitter lives.</summary>
public static class DistrictFinder
{
    /// <summary>The district covering the city itself if there is one, else the one covering the whole province; null when none does.</summary>
    public static string? DistrictFor(string province, string? city, IEnumerable<Coverage> coverage)
    {
        var wantedProvince = PlaceNames.Normalize(province);
        var wantedCity = PlaceNames.Normalize(city);
        string? provinceWide = null;
        foreach (var place in coverage)
        {
            if (!string.Equals(PlaceNames.Normalize(place.Province), wantedProvince, StringComparison.Ordinal))
            {
                continue;
            }

            if (place.City is null)
            {
                provinceWide ??= place.UnitCode;
            }
            else if (wantedCity.Length > 0 && string.Equals(PlaceNames.Normalize(place.City), wantedCity, StringComparison.Ordinal))
            {
                return place.UnitCode;
            }
        }

        return provinceWide;
    }
}
