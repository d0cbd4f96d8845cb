namespace ProposalPlatform.Intake.Domain;

/// <summary>
/// A cluster of similar items the office confirms in one decision: the items chosen must hang together
/// through their pairs (each similar to another of them, all of them one cluster), and no pair among
/// them may have been dismissed.
/// </summary>
public static class SimilarClusters
{
    public const int MaxItems = 100;

    /// <summary>The items chosen, each once, or the error of the list.</summary>
    public static (IReadOnlyList<Guid> Items, string? Error) Validate(IReadOnlyList<Guid>? ids)
    {
        var items = (ids ?? []).Distinct().ToList();
        return items switch
        {
            _ when items.Contains(Guid.Empty) => (items, "An item id is missing from the list."),
            { Count: < 2 } => (items, "Choose at least two similar items."),
            { Count: > MaxItems } => (items, $"Choose at most {MaxItems} items at once."),
            _ => (items, null),
        };
    }

    /// <summary>
    /// Why the <paramref name="items"/> are not one cluster through <paramref name="pairs"/> (the pairs
    /// among them that were not dismissed), or null when they are.
    /// </summary>
    public static string? RefuseCluster(IReadOnlyList<Guid> items, IEnumerable<(Guid A, Guid B)> pairs)
    {
        var root = items.ToDictionary(id => id, id => id);
        Guid Find(Guid id) => root[id] == id ? id : root[id] = Find(root[id]);
        var paired = new HashSet<Guid>();
        foreach (var (a, b) in pairs)
        {
            paired.Add(a);
            paired.Add(b);
            root[Find(a)] = Find(b);
        }

        var alone = items.Where(id => !paired.Contains(id)).ToList();
        if (alone.Count > 0)
        {
            return $"Item {string.Join(", ", alone)} is not similar to any other item chosen.";
        }

        var clusters = items.Select(Find).Distinct().Count();
        return clusters > 1 ? $"The items chosen are {clusters} separate clusters of similar items: confirm each on its own." : null;
    }
}
