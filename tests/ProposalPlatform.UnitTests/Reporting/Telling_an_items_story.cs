using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Reporting.Domain;

namespace ProposalPlatform.UnitTests.Reporting;

public class Telling_an_items_story
{
    private static readonly DateTimeOffset At = new(2020, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_batch_message_tells_one_line_per_item()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var lines = StoryLines.Of(new ProposalsAssigned([
            new(a, "HQ-FTZ", "自贸区和综合保税区司", At, At.AddMonths(3)),
            new(b, "HQ-PORTS", "口岸监管司", At, At.AddMonths(3)),
        ])).ToList();

        Assert.Equal([a, b], lines.Select(l => l.ProposalId));
        Assert.All(lines, l => Assert.Equal((StorySteps.Assigned, StorySources.Assignment), (l.Step, l.Source)));
        Assert.Contains("reply due 2020-09-01", lines[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_confirmed_pair_is_told_in_both_items_stories_and_a_reply_names_its_round()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        var merged = StoryLines.Of(new SimilarItemsConfirmed(Guid.NewGuid(), a, b, "建议提案办理处", At)).ToList();
        var replied = Assert.Single(StoryLines.Of(new ReplyIssued(a, Guid.NewGuid(), ResultClass.B, At, Round: 2, Recipients: 3)));

        Assert.Equal([a, b], merged.Select(l => l.ProposalId));
        Assert.Equal((StorySteps.Replied, 2), (replied.Step, replied.Round!.Value));
        Assert.Contains("to 3 recipient(s)", replied.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_issued_as_a_letter_names_the_letters_number()
    {
        var replied = Assert.Single(StoryLines.Of(new ReplyIssued(Guid.NewGuid(), Guid.NewGuid(), ResultClass.A, At, LetterNumber: "署办函〔2026〕15号")));

        Assert.StartsWith("Formal reply 署办函〔2026〕15号 issued, result class A", replied.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_that_tells_nothing_of_an_item_has_no_line()
    {
        Assert.Empty(StoryLines.Of("not an event"));
    }
}
