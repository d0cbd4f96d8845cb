namespace ProposalPlatform.Assignment.Domain;

/// <summary>A proposed change to the routing rules: rules to add, rules (by id) to replace, rules (by id) to remove.</summary>
public sealed record RuleSetChange(
    IReadOnlyList<RoutingRule>? Add = null,
    IReadOnlyList<RoutingRule>? Update = null,
    IReadOnlyList<int>? Remove = null)
{
    /// <summary>The rule set as it would be after the change.</summary>
    public IReadOnlyList<RoutingRule> ApplyTo(IEnumerable<RoutingRule> current)
    {
        var removed = new HashSet<int>(Remove ?? []);
        var updated = (Update ?? []).ToDictionary(rule => rule.Id);
        var proposed = current
            .Where(rule => !removed.Contains(rule.Id))
            .Select(rule => updated.TryGetValue(rule.Id, out var replacement) ? replacement : rule)
            .ToList();
        proposed.AddRange(Add ?? []);
        return proposed;
    }
}

/// <summary>An assigned item as the dry run sees it.</summary>
public sealed record RoutedItem(Guid ProposalId, string Title, string Topic, IReadOnlyList<string> Tags, string UnitCode, bool ManuallyAssigned);

/// <summary>An item a rule change would send elsewhere: from the unit it is with now to the unit the new rules give.</summary>
public sealed record RoutingMove(
    Guid ProposalId, string Title, string Topic, string FromUnitCode, string ToUnitCode,
    IReadOnlyList<string> ToCoUnitCodes, string? MatchedKeyword, bool ManuallyAssigned);

public static class RoutingDryRun
{
    /// <summary>
    /// The items whose routing the change alters (lead unit or co-handling units). Items the office
    /// assigned by hand are listed with <see cref="RoutingMove.ManuallyAssigned"/> set: a rule change
    /// would not silently undo the office's decision.
    /// </summary>
    public static IReadOnlyList<RoutingMove> Moves(
        IEnumerable<RoutedItem> items, IReadOnlyList<RoutingRule> current, IReadOnlyList<RoutingRule> proposed)
    {
        var moves = new List<RoutingMove>();
        foreach (var item in items)
        {
            var before = Router.Route(item.Topic, item.Tags, current);
            var after = Router.Route(item.Topic, item.Tags, proposed);
            if (before.LeadUnitCode == after.LeadUnitCode && before.CoUnitCodes.SequenceEqual(after.CoUnitCodes))
            {
                continue;
            }

            moves.Add(new RoutingMove(
                item.ProposalId, item.Title, item.Topic, item.UnitCode, after.LeadUnitCode, after.CoUnitCodes, after.Keyword, item.ManuallyAssigned));
        }

        return moves;
    }
}
