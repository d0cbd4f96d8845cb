using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.UnitTests.Intake;

public class Correcting_an_item
{
    private static NewProposal Current() => ProposalRules.Validate(Submissions.Valid(), Submissions.CurrentYear).Proposal!;

    [Fact]
    public void Changes_only_the_fields_given_and_names_them()
    {
        var (correction, errors) = Corrections.Apply(Current(), new CorrectionSubmission("错别字", Title: "关于加强口岸卫生检疫工作的建议", Tags: ["检疫"]), Submissions.CurrentYear);

        Assert.Empty(errors);
        Assert.NotNull(correction);
        Assert.Equal(["title", "tags"], correction.ChangedFields);
        Assert.Equal("The full text of the suggestion.", correction.Corrected.Text);
        Assert.Equal("错别字", correction.Reason);
    }

    [Fact]
    public void Requires_a_reason()
    {
        var (correction, errors) = Corrections.Apply(Current(), new CorrectionSubmission(" ", Title: "新标题"), Submissions.CurrentYear);

        Assert.Null(correction);
        Assert.Equal(["reason"], errors.Keys);
    }

    [Fact]
    public void Refuses_a_correction_that_changes_nothing()
    {
        var (correction, errors) = Corrections.Apply(Current(), new CorrectionSubmission("no change", Title: Current().Title), Submissions.CurrentYear);

        Assert.Null(correction);
        Assert.Equal(["correction"], errors.Keys);
    }

    [Fact]
    public void Checks_the_corrected_item_like_a_new_one()
    {
        var (correction, errors) = Corrections.Apply(Current(), new CorrectionSubmission("mode", HandlingMode: "Sometimes"), Submissions.CurrentYear);

        Assert.Null(correction);
        Assert.Equal(["handlingMode"], errors.Keys);
    }
}
