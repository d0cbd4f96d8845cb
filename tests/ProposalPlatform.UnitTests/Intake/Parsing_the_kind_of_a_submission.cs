using ProposalPlatform.Contracts;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.UnitTests.Intake;

public class Parsing_the_kind_of_a_submission
{
    [Theory]
    [InlineData("Suggestion", ProposalKind.Suggestion)]
    [InlineData("suggestion", ProposalKind.Suggestion)]
    [InlineData("SUGGESTION", ProposalKind.Suggestion)]
    [InlineData(" Suggestion ", ProposalKind.Suggestion)]
    [InlineData("Proposal", ProposalKind.Proposal)]
    [InlineData("proPOSAL", ProposalKind.Proposal)]
    public void Accepts_either_kind_by_name_in_any_case(string kind, ProposalKind expected)
    {
        var submission = Submissions.Valid() with { Kind = kind };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Empty(errors);
        Assert.Equal(expected, proposal?.Kind);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData(" 1 ")]
    [InlineData("+2")]
    [InlineData("-1")]
    [InlineData("Motion")]
    [InlineData("建议")]
    [InlineData("Suggestion,Proposal")]
    public void Rejects_numbers_and_unknown_names(string kind)
    {
        var submission = Submissions.Valid() with { Kind = kind };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Null(proposal);
        var error = Assert.Single(errors);
        Assert.Equal("kind", error.Key);
        Assert.Equal("Not a kind: use Suggestion or Proposal.", Assert.Single(error.Value));
    }

    [Fact]
    public void Rejects_a_list_of_kinds()
    {
        var submission = Submissions.Valid() with { Kind = "Suggestion,Suggestion" };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Null(proposal);
        Assert.Equal("kind", Assert.Single(errors).Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Requires_a_kind(string? kind)
    {
        var submission = Submissions.Valid() with { Kind = kind };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Null(proposal);
        Assert.Equal("Kind is required: Suggestion or Proposal.", Assert.Single(errors["kind"]));
    }
}
