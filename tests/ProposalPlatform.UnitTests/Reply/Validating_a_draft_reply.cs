using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.UnitTests.Reply;

public class Validating_a_draft_reply
{
    [Theory]
    [InlineData("Thank you for your suggestion.")]
    [InlineData("感谢您提出的建议。")]
    public void Accepts_a_draft_with_text(string text)
    {
        var draft = new DraftSubmission(text);

        var errors = ReplyRules.ValidateDraft(draft);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n")]
    public void Requires_the_text(string? text)
    {
        var draft = new DraftSubmission(text);

        var errors = ReplyRules.ValidateDraft(draft);

        var error = Assert.Single(errors);
        Assert.Equal("text", error.Key);
        Assert.Equal("The draft's text is required.", Assert.Single(error.Value));
    }

    [Fact]
    public void Accepts_a_draft_at_the_maximum_length()
    {
        var draft = new DraftSubmission(new string('d', ReplyRules.MaxDraftLength));

        var errors = ReplyRules.ValidateDraft(draft);

        Assert.Empty(errors);
    }

    [Fact]
    public void Rejects_a_draft_one_character_too_long()
    {
        var draft = new DraftSubmission(new string('d', ReplyRules.MaxDraftLength + 1));

        var errors = ReplyRules.ValidateDraft(draft);

        var error = Assert.Single(errors);
        Assert.Equal("text", error.Key);
        Assert.Equal("At most 100000 characters.", Assert.Single(error.Value));
    }
}
