namespace ProposalPlatform.Portal.Clients;

/// <summary>
/// The groups handled together (并案): confirmed pairs that share an item are one group, however
/// they chain (A–B and B–C put A, B and C together). Each group's items in their order of number,
/// the groups in the order of their first item.
/// </summary>
public static class MergedGroups
{
    public static IReadOnlyList<IReadOnlyList<PairItemView>> Of(IEnumerable<SimilarPairView> confirmedPairs)
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

        foreach (var pair in confirmedPairs)
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
