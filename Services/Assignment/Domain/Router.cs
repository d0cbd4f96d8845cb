namespace ProposalPlatform.Assignment.Domain;

/// <summary>Finds the lead unit for an item from its topic.</summary>
public static class Router
{
    /// <summary>The proposal office takes what no rule matches and assigns it by hand.</summary>
    public const string ProposalOfficeCode = "HQ-OFFICE";

    /// <summary>
    /// The unit of the first rule (by priority, then by the longest keyword: the most specific) whose
    /// keyword the topic contains, ignoring case; the proposal office when none does.
    /// </summary>
    public static string LeadUnitFor(string topic, IEnumerable<RoutingRule> rules)
    {
        var match = rules
            .Where(rule => rule.Keyword.Length > 0 && topic.Contains(rule.Keyword, StringComparison.OrdinalIgnoreCase))
            .OrderBy(rule => rule.Priority)
            .ThenByDescending(rule => rule.Keyword.Length)
            .FirstOrDefault();
        return match?.UnitCode ?? ProposalOfficeCode;
    }
}
