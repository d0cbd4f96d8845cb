using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Assignment.Application;

/// <summary>The checks of routing rules as written (a new rule, a replaced one, a dry run's), each error keyed by the rule's prefix.</summary>
public static class RuleRequests
{
    /// <summary>Every unit code the rules name, to find the unknown ones.</summary>
    public static IEnumerable<string> UnitCodesOf(IReadOnlyList<(string Prefix, RuleRequest Rule)> requests) =>
        requests.SelectMany(r => (r.Rule.CoUnitCodes ?? []).Append(r.Rule.UnitCode ?? string.Empty))
            .Where(code => !string.IsNullOrWhiteSpace(code)).Select(code => code.Trim());

    public static Dictionary<string, string[]> Validate(IReadOnlyList<(string Prefix, RuleRequest Rule)> requests, IEnumerable<string> unknownUnits)
    {
        var unknown = unknownUnits.ToHashSet(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>();
        foreach (var (prefix, rule) in requests)
        {
            Problems.Require(errors, prefix + "keyword", rule.Keyword, "A rule needs a keyword.", TextLimits.Name);
            Problems.Require(errors, prefix + "unitCode", rule.UnitCode, "A rule needs the lead unit.", TextLimits.Code);
            if (!string.IsNullOrWhiteSpace(rule.UnitCode) && unknown.Contains(rule.UnitCode.Trim()))
            {
                errors[prefix + "unitCode"] = [$"'{rule.UnitCode}' is not a unit."];
            }

            var badCoUnits = (rule.CoUnitCodes ?? []).Where(code => string.IsNullOrWhiteSpace(code) || unknown.Contains(code.Trim())).ToList();
            if (badCoUnits.Count > 0)
            {
                errors[prefix + "coUnitCodes"] = [$"Not units: {string.Join(", ", badCoUnits.Select(code => $"'{code}'"))}."];
            }
            else if ((rule.CoUnitCodes ?? []).Any(code => code.Trim() == rule.UnitCode?.Trim()))
            {
                errors[prefix + "coUnitCodes"] = ["The lead unit cannot also co-handle."];
            }

            if (rule.Priority is < 0)
            {
                errors[prefix + "priority"] = ["The priority is 0 or more (lower wins)."];
            }
        }

        return errors;
    }
}
