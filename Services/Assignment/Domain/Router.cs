namespace ProposalPlatform.Assignment.Domain;

/// <summary>Finds the lead unit (and any co-handling units) for an item from its topic and tags.</summary>
public static class Router
{
    /// <summary>The proposal office takes what no rule matches and assigns it by hand.</summary>
    public const string ProposalOfficeCode = "HQ-OFFICE";

    /// <summary>
    /// The unit of the first rule (by priority, then by the longest keyword: the most specific) whose
    /// keyword the topic contains, ignoring case; the proposal office when none does.
    /// </summary>
    public static string LeadUnitFor(string topic, IEnumerable<RoutingRule> rules) => Route(topic, [], rules).LeadUnitCode;

    /// <summary>
    /// Like <see cref="LeadUnitFor"/>, but a keyword may also be found in any of the item's tags; the
    /// winning rule's co-handling units come with it (never the lead itself, never twice).
    /// </summary>
    public static Routing Route(string topic, IEnumerable<string>? tags, IEnumerable<RoutingRule> rules)
    {
        var texts = new List<string> { topic };
        if (tags is not null)
        {
            texts.AddRange(tags.Where(tag => !string.IsNullOrWhiteSpace(tag)));
        }

        var match = rules
            .Where(rule => rule.Keyword.Length > 0 && texts.Exists(text => text.Contains(rule.Keyword, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(rule => rule.Priority)
            .ThenByDescending(rule => rule.Keyword.Length)
            .ThenBy(rule => rule.Id)
            .FirstOrDefault();
        if (match is null)
        {
            return new Routing(ProposalOfficeCode, [], null);
        }

        var coUnits = (match.CoUnitCodes ?? [])
            .Where(code => !string.Equals(code, match.UnitCode, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new Routing(match.UnitCode, coUnits, match.Keyword);
    }
}

/// <summary>Where routing sends an item; <see cref="Keyword"/> is null when no rule matched.</summary>
public sealed record Routing(string LeadUnitCode, IReadOnlyList<string> CoUnitCodes, string? Keyword);
