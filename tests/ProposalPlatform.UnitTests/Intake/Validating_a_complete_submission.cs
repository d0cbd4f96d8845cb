using ProposalPlatform.Contracts;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.UnitTests.Intake;

public class Validating_a_complete_submission
{
    [Fact]
    public void Returns_the_proposal_and_no_errors()
    {
        var submission = Submissions.Valid();

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Empty(errors);
        Assert.NotNull(proposal);
        Assert.Equal(ProposalKind.Suggestion, proposal.Kind);
        Assert.Equal(2020, proposal.SessionYear);
        Assert.Equal(13, proposal.SessionTerm);
        Assert.Equal(3, proposal.SessionMeeting);
        Assert.Equal(1234, proposal.Number);
        Assert.Equal("关于加强口岸卫生检疫的建议", proposal.Title);
        Assert.Equal("Zhang Wei", proposal.SubmitterName);
        Assert.Equal("Guangdong delegation", proposal.SubmitterDelegation);
        Assert.Equal("Guangdong", proposal.Province);
        Assert.Equal("Shenzhen", proposal.City);
        Assert.Equal("health quarantine", proposal.Topic);
    }

    [Fact]
    public void Trims_every_text_field()
    {
        var submission = Submissions.Valid() with
        {
            Kind = "  Proposal  ",
            Title = "  A title  ",
            Text = "\n A text \t",
            Topic = " tariff ",
            LeadSubmitter = new SubmitterInput(" Li Na ", " Sector of economics ", " Beijing ", " Beijing "),
        };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Empty(errors);
        Assert.NotNull(proposal);
        Assert.Equal(ProposalKind.Proposal, proposal.Kind);
        Assert.Equal("A title", proposal.Title);
        Assert.Equal("A text", proposal.Text);
        Assert.Equal("tariff", proposal.Topic);
        Assert.Equal("Li Na", proposal.SubmitterName);
        Assert.Equal("Sector of economics", proposal.SubmitterDelegation);
        Assert.Equal("Beijing", proposal.Province);
        Assert.Equal("Beijing", proposal.City);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Keeps_no_delegation_when_none_is_given(string? delegation)
    {
        var submission = Submissions.Valid() with
        {
            LeadSubmitter = new SubmitterInput("Zhang Wei", delegation, "Guangdong", "Shenzhen"),
        };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Empty(errors);
        Assert.NotNull(proposal);
        Assert.Null(proposal.SubmitterDelegation);
    }
}
