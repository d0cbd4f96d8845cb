namespace ProposalPlatform.Portal.Clients;

/// <summary>
/// Clusters of similar items: pairs that share an item are one cluster, however they chain (A–B and
/// B–C put A, B and C together). Each cluster's items in their order of number, the clusters in the
/// order of their first item. The office confirms a cluster at once and forms a merged group from it.
/// </summary>
public static class ItemClusters
{
    public static IReadOnlyList<IReadOnlyList<PairItemView>> Of(IEnumerable<SimilarPairView> pairs)
    {
        var items = new Dictionary<Guid, PairItemView>();
        var parent = new Dictionary<Guid, Guid>();

        Guid Root(Guid id)
        {
            while (parent[id] != id)
            {
                id = parent[id] = parent[parent[id]];
            }

            return id;
        }

        foreach (var pair in pairs)
        {
            foreach (var item in new[] { pair.A, pair.B })
            {
                items.TryAdd(item.Id, item);
                parent.TryAdd(item.Id, item.Id);
            }

            parent[Root(pair.A.Id)] = Root(pair.B.Id);
        }

        return [.. items.Values
            .GroupBy(item => Root(item.Id))
            .Select(group => (IReadOnlyList<PairItemView>)[.. group.OrderBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Number)])
            .OrderBy(group => group[0].Kind, StringComparer.Ordinal).ThenBy(group => group[0].Number)];
    }
}
