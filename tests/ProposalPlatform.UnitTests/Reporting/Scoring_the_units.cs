using ProposalPlatform.Contracts;
using ProposalPlatform.Reporting.Domain;

namespace ProposalPlatform.UnitTests.Reporting;

public class Scoring_the_units
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));

    private static ItemFacts Replied(string unit, ResultClass resultClass, bool onTime, ContactChannel channel, SatisfactionLevel? answer) =>
        new(Guid.NewGuid(), ProposalKind.Suggestion, 2020, null, null, "口岸", HandlingMode.Lead, false, unit, unit, null, Now.AddDays(-1), false, [],
            [new(1, resultClass, onTime ? Now.AddDays(-2) : Now)], [new(1, channel, Now.AddDays(-3))],
            [new(channel, null, false, ContactOutcome.ReachedAndAgreed)],
            answer is { } a ? [new(1, a, SatisfactionLevel.Satisfied)] : [], [], null);

    [Fact]
    public void The_total_is_the_weighted_mean_of_the_criteria_and_equal_totals_share_a_rank()
    {
        var items = new[]
        {
            Replied("HQ-A", ResultClass.A, onTime: true, ContactChannel.Visit, SatisfactionLevel.Satisfied),
            Replied("HQ-B", ResultClass.A, onTime: true, ContactChannel.Meeting, SatisfactionLevel.BasicallySatisfied),
            Replied("HQ-C", ResultClass.B, onTime: false, ContactChannel.Phone, SatisfactionLevel.Dissatisfied),
        };

        var scores = UnitScores.Of(items, ScoreWeights.Default, Now);

        Assert.Equal([("HQ-A", 1, 100.0), ("HQ-B", 1, 100.0), ("HQ-C", 3, 20.0)], scores.Select(s => (s.UnitCode, s.Rank!.Value, s.Total!.Value)));
    }

    [Fact]
    public void A_criterion_with_nothing_to_measure_is_left_out_and_a_unit_with_nothing_is_unranked()
    {
        var noFeedback = Replied("HQ-A", ResultClass.A, onTime: false, ContactChannel.Phone, answer: null);
        var nothing = noFeedback with { Id = Guid.NewGuid(), LeadUnit = "HQ-Z", Replies = [], Completions = [], Contacts = [] };

        var scores = UnitScores.Of([noFeedback, nothing], new ScoreWeights(50, 50, 0, 100, 0), Now);

        // on time 0 × 50, contact 1 × 50; satisfaction unmeasured: 100 × 50 / 100
        Assert.Equal(50.0, scores[0].Total);
        Assert.Equal(1, scores[0].Rank);
        Assert.Equal(("HQ-Z", null, null), (scores[1].UnitCode, scores[1].Total, scores[1].Rank));
    }

    [Fact]
    public void Items_the_unit_only_co_handles_or_returned_are_not_scored()
    {
        var coHandled = Replied("HQ-A", ResultClass.A, true, ContactChannel.Phone, SatisfactionLevel.Satisfied) with { Mode = HandlingMode.CoHandling };
        var returned = Replied("HQ-B", ResultClass.A, true, ContactChannel.Phone, SatisfactionLevel.Satisfied) with { Returned = true };

        Assert.Empty(UnitScores.Of([coHandled, returned], ScoreWeights.Default, Now));
    }
}
