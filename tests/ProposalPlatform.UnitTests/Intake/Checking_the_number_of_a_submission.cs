using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.UnitTests.Intake;

public class Checking_the_number_of_a_submission
{
    [Fact]
    public void Requires_a_number()
    {
        var submission = Submissions.Valid() with { Number = null };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Null(proposal);
        Assert.Equal("The item's number within its session is required.", Assert.Single(errors["number"]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1234)]
    public void Rejects_a_number_that_is_not_positive(int number)
    {
        var submission = Submissions.Valid() with { Number = number };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Null(proposal);
        Assert.Equal("number", Assert.Single(errors).Key);
        Assert.Equal("The number must be a positive whole number.", Assert.Single(errors["number"]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9235)]
    public void Accepts_a_positive_number(int number)
    {
        var submission = Submissions.Valid() with { Number = number };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Empty(errors);
        Assert.Equal(number, proposal?.Number);
    }
}
