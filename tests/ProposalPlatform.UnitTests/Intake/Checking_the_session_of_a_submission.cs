using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.UnitTests.Intake;

public class Checking_the_session_of_a_submission
{
    [Theory]
    [InlineData(1954)]
    [InlineData(2020)]
    [InlineData(Submissions.CurrentYear)]
    [InlineData(Submissions.CurrentYear + 1)]
    public void Accepts_years_from_the_first_congress_to_next_year(int year)
    {
        var submission = Submissions.Valid() with { Session = new SessionInput(year, null, null) };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Empty(errors);
        Assert.Equal(year, proposal?.SessionYear);
    }

    [Theory]
    [InlineData(1953)]
    [InlineData(Submissions.CurrentYear + 2)]
    [InlineData(0)]
    [InlineData(-2020)]
    public void Rejects_years_outside_1954_to_next_year(int year)
    {
        var submission = Submissions.Valid() with { Session = new SessionInput(year, 13, 3) };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Null(proposal);
        Assert.Equal("session.year", Assert.Single(errors).Key);
        Assert.Equal("The session year must be between 1954 and 2027.", Assert.Single(errors["session.year"]));
    }

    [Fact]
    public void Keeps_term_and_meeting_unknown_when_not_given()
    {
        var submission = Submissions.Valid() with { Session = new SessionInput(2020, null, null) };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Empty(errors);
        Assert.NotNull(proposal);
        Assert.Null(proposal.SessionTerm);
        Assert.Null(proposal.SessionMeeting);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Rejects_a_term_or_meeting_that_is_not_positive(int value)
    {
        var submission = Submissions.Valid() with { Session = new SessionInput(2020, value, value) };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Null(proposal);
        Assert.Equal(["session.meeting", "session.term"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("The term must be a positive number.", Assert.Single(errors["session.term"]));
        Assert.Equal("The meeting must be a positive number.", Assert.Single(errors["session.meeting"]));
    }

    [Fact]
    public void Accepts_a_positive_term_and_meeting()
    {
        var submission = Submissions.Valid() with { Session = new SessionInput(2020, 1, 1) };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Empty(errors);
        Assert.Equal(1, proposal?.SessionTerm);
        Assert.Equal(1, proposal?.SessionMeeting);
    }
}
