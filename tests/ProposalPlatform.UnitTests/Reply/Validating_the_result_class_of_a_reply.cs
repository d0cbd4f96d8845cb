using ProposalPlatform.Contracts;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.UnitTests.Reply;

public class Validating_the_result_class_of_a_reply
{
    [Theory]
    [InlineData("A", ResultClass.A)]
    [InlineData("B", ResultClass.B)]
    [InlineData("C", ResultClass.C)]
    [InlineData("D", ResultClass.D)]
    [InlineData("a", ResultClass.A)]
    [InlineData("b", ResultClass.B)]
    [InlineData("c", ResultClass.C)]
    [InlineData("d", ResultClass.D)]
    public void Accepts_A_to_D_in_either_case(string value, ResultClass expected)
    {
        var issue = new IssueSubmission(value);

        var (resultClass, errors) = ReplyRules.ValidateIssue(issue);

        Assert.Empty(errors);
        Assert.Equal(expected, resultClass);
    }

    [Theory]
    [InlineData("E")]
    [InlineData("AB")]
    [InlineData("A,B")]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("甲")]
    public void Rejects_anything_else_naming_the_allowed_classes(string value)
    {
        var issue = new IssueSubmission(value);

        var (resultClass, errors) = ReplyRules.ValidateIssue(issue);

        Assert.Null(resultClass);
        var error = Assert.Single(errors);
        Assert.Equal("resultClass", error.Key);
        Assert.Equal($"'{value}' is not a result class: use A, B, C or D.", Assert.Single(error.Value));
    }

    [Fact]
    public void Rejects_a_number()
    {
        var issue = new IssueSubmission("1");

        var (resultClass, errors) = ReplyRules.ValidateIssue(issue);

        Assert.Null(resultClass);
        Assert.Equal("resultClass", Assert.Single(errors).Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Requires_a_result_class(string? value)
    {
        var issue = new IssueSubmission(value);

        var (resultClass, errors) = ReplyRules.ValidateIssue(issue);

        Assert.Null(resultClass);
        Assert.Equal(
            "The result class is required: A (solved), B (being solved), C (to be solved later) or D (for reference).",
            Assert.Single(errors["resultClass"]));
    }
}
