using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.UnitTests.Intake;

public class Checking_the_length_of_text_fields
{
    [Fact]
    public void Accepts_every_field_at_its_maximum_length()
    {
        var name = new string('n', ProposalRules.MaxNameLength);
        var submission = Submissions.Valid() with
        {
            Title = new string('t', ProposalRules.MaxTitleLength),
            Text = new string('x', ProposalRules.MaxTextLength),
            Topic = name,
            LeadSubmitter = new SubmitterInput(name, name, name, name),
        };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Empty(errors);
        Assert.NotNull(proposal);
    }

    [Fact]
    public void Reports_every_field_one_character_too_long_by_its_json_path()
    {
        var name = new string('n', ProposalRules.MaxNameLength + 1);
        var submission = Submissions.Valid() with
        {
            Title = new string('t', ProposalRules.MaxTitleLength + 1),
            Text = new string('x', ProposalRules.MaxTextLength + 1),
            Topic = name,
            LeadSubmitter = new SubmitterInput(name, name, name, name),
        };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Null(proposal);
        Assert.Equal(
            ["leadSubmitter.city", "leadSubmitter.delegation", "leadSubmitter.name", "leadSubmitter.province", "text", "title", "topic"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Says_how_long_the_field_is_and_how_long_it_may_be()
    {
        var submission = Submissions.Valid() with { Title = new string('t', 501) };

        var (_, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Equal("title has 501 characters; at most 500 are allowed.", Assert.Single(errors["title"]));
    }
}
