using System.Text.RegularExpressions;
using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Assignment.Application;

/// <summary>The checks the unit registry's use cases share.</summary>
public static partial class UnitRequests
{
    public static void ValidateUnit(Dictionary<string, string[]> errors, string? name, string? kind)
    {
        Problems.Require(errors, "name", name, "A unit needs a name.", TextLimits.Name);
        if (!HandlingUnit.IsKnownKind(kind?.Trim()))
        {
            errors["kind"] = [$"The kind is {HandlingUnit.Department} or {HandlingUnit.District}."];
        }
    }

    /// <summary>The places, their names reduced to one form; errors for blank provinces and duplicates.</summary>
    public static List<Coverage> ValidatePlaces(Dictionary<string, string[]> errors, string field, IReadOnlyList<PlaceRequest>? places)
    {
        var result = new List<Coverage>();
        foreach (var (place, i) in (places ?? []).Select((place, i) => (place, i)))
        {
            var prefix = field.Length == 0 ? $"[{i}]" : $"{field}[{i}]";
            if (string.IsNullOrWhiteSpace(place.Province))
            {
                errors[prefix + ".province"] = ["Name the province."];
                continue;
            }

            var coverage = new Coverage(string.Empty, PlaceNames.Normalize(place.Province), string.IsNullOrWhiteSpace(place.City) ? null : PlaceNames.Normalize(place.City));
            if (result.Contains(coverage))
            {
                errors[prefix] = ["The place is listed twice."];
                continue;
            }

            result.Add(coverage);
        }

        return result;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,39}$")]
    public static partial Regex UnitCodePattern();
}
