using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.UnitTests.Intake;

public class Deciding_on_similar_items
{
    [Theory]
    [InlineData(SimilarPairStatus.Confirmed)]
    [InlineData(SimilarPairStatus.Dismissed)]
    public void A_candidate_can_be_confirmed_or_dismissed(SimilarPairStatus decision)
    {
        Assert.Equal((true, true, (string?)null), SimilarPairs.Decide(SimilarPairStatus.Candidate, decision));
    }

    [Fact]
    public void The_same_decision_again_changes_nothing()
    {
        Assert.Equal((true, false, (string?)null), SimilarPairs.Decide(SimilarPairStatus.Confirmed, SimilarPairStatus.Confirmed));
    }

    [Fact]
    public void A_decision_taken_is_not_reversed()
    {
        var (allowed, _, error) = SimilarPairs.Decide(SimilarPairStatus.Dismissed, SimilarPairStatus.Confirmed);

        Assert.False(allowed);
        Assert.Contains("dismissed", error, StringComparison.Ordinal);
    }
}
