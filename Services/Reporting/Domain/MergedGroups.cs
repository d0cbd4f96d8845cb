namespace ProposalPlatform.Reporting.Domain;

/// <summary>Merged groups (并案) from the confirmed pairs: pairs that share an item are one group, named by its smallest id.</summary>
public static class MergedGroups
{
    public static IReadOnlyDictionary<Guid, Guid?> Of(IEnumerable<(Guid First, Guid Second)> pairs)
    {
        var parent = new Dictionary<Guid, Guid>();
        Guid Find(Guid x)
        {
            while (parent.TryGetValue(x, out var p) && p != x)
            {
                parent[x] = parent.GetValueOrDefault(p, p);
                x = p;
            }

            return x;
        }

        foreach (var (first, second) in pairs)
        {
            parent.TryAdd(first, first);
            parent.TryAdd(second, second);
            var (a, b) = (Find(first), Find(second));
            if (a != b)
            {
                // the smaller id is the root, so a group is named by its smallest member whatever order the pairs come in
                if (a.CompareTo(b) < 0) parent[b] = a; else parent[a] = b;
            }
        }

        return parent.Keys.ToDictionary(id => id, id => (Guid?)Find(id));
    }
}
