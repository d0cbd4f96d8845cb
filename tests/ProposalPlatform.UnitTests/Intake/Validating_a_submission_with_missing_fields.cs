using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.UnitTests.Intake;

public class Validating_a_submission_with_missing_fields
{
    [Fact]
    public void Reports_every_missing_field_by_its_json_path()
    {
        var submission = new ProposalSubmission(null, null, null, null, null, null, null);

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Null(proposal);
        Assert.Equal(
            ["kind", "leadSubmitter", "number", "session.year", "text", "title", "topic"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reports_missing_submitter_fields_by_their_nested_json_path()
    {
        var submission = Submissions.Valid() with
        {
            LeadSubmitter = new SubmitterInput(Name: null, Delegation: null, Province: "", City: "  "),
        };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Null(proposal);
        Assert.Equal(
            ["leadSubmitter.city", "leadSubmitter.name", "leadSubmitter.province"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reports_a_missing_session_year_when_the_session_has_only_term_and_meeting()
    {
        var submission = Submissions.Valid() with { Session = new SessionInput(Year: null, Term: 13, Meeting: 3) };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Null(proposal);
        var error = Assert.Single(errors);
        Assert.Equal("session.year", error.Key);
        Assert.Equal("The session year is required.", Assert.Single(error.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n")]
    public void Treats_blank_text_as_missing(string blank)
    {
        var submission = Submissions.Valid() with { Title = blank, Text = blank, Topic = blank };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Null(proposal);
        Assert.Equal(["text", "title", "topic"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("title is required.", Assert.Single(errors["title"]));
    }
}
