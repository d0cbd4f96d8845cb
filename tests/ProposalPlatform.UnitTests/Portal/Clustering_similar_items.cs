using ProposalPlatform.Portal.Clients;

namespace ProposalPlatform.UnitTests.Portal;

public sealed class Clustering_similar_items
{
    private static readonly PairItemView A = Item(3), B = Item(1), C = Item(7), D = Item(2), E = Item(5);

    [Fact]
    public void Confirmed_pairs_that_share_an_item_are_one_group_however_they_chain()
    {
        // A–B, D–E and C–A: A, B and C together; D and E apart
        var groups = ItemClusters.Of([Pair(A, B), Pair(D, E), Pair(C, A)]);

        Assert.Equal(2, groups.Count);
        Assert.Equal([1, 3, 7], groups[0].Select(i => i.Number));
        Assert.Equal([2, 5], groups[1].Select(i => i.Number));
    }

    [Fact]
    public void Two_chains_joined_by_a_later_pair_become_one_group()
    {
        var groups = ItemClusters.Of([Pair(A, B), Pair(C, D), Pair(B, D)]);

        Assert.Equal([1, 2, 3, 7], Assert.Single(groups).Select(i => i.Number));
    }

    [Fact]
    public void No_confirmed_pair_is_no_group()
    {
        Assert.Empty(ItemClusters.Of([]));
    }

    private static PairItemView Item(int number) => new(Guid.NewGuid(), "Suggestion", number, $"建议{number}");

    private static SimilarPairView Pair(PairItemView a, PairItemView b) =>
        new(Guid.NewGuid(), 2024, 0.9, "Confirmed", a, b, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "办理处", null);
}
