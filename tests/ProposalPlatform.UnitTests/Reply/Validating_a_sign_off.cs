using ProposalPlatform.Contracts;
using ProposalPlatform.Reply.Domain;
using static ProposalPlatform.UnitTests.Reply.ReplyCases;

namespace ProposalPlatform.UnitTests.Reply;

public class Validating_a_sign_off
{
    [Fact]
    public void Accepts_a_unit_heads_approval_published_as_a_summary()
    {
        var submission = new SignOffSubmission(2, "unithead", "Approve", null, "Summary", "答复摘要");

        var (request, errors) = SignOffRules.Validate(submission);

        Assert.Empty(errors);
        Assert.NotNull(request);
        Assert.Equal(new SignOffRequest(2, SignOffStep.UnitHead, true, "", null, PublicationDecision.Summary, "答复摘要"), request);
    }

    [Fact]
    public void Names_every_missing_field()
    {
        var (request, errors) = SignOffRules.Validate(new SignOffSubmission(null, null, null, null, null, null));

        Assert.Null(request);
        Assert.Equal(["decision", "draftVersion", "step"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Requires_comments_to_send_a_draft_back()
    {
        var (request, errors) = SignOffRules.Validate(new SignOffSubmission(1, "UnitHead", "SendBack", "  ", null, null));

        Assert.Null(request);
        Assert.Equal("comments", Assert.Single(errors).Key);
    }

    [Fact]
    public void Does_not_let_the_handler_send_back_or_decide_publication()
    {
        var (request, errors) = SignOffRules.Validate(new SignOffSubmission(1, "Handler", "SendBack", "x", "FullText", null));

        Assert.Null(request);
        Assert.Contains("decision", errors.Keys);
        Assert.Contains("publication", errors.Keys);
    }

    [Fact]
    public void Requires_the_summary_text_for_a_reply_published_as_a_summary()
    {
        var (request, errors) = SignOffRules.Validate(new SignOffSubmission(1, "UnitHead", "Approve", null, "Summary", null));

        Assert.Null(request);
        Assert.Equal("summary", Assert.Single(errors).Key);
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("1")]
    public void Rejects_an_unknown_publication_decision(string publication)
    {
        var (request, errors) = SignOffRules.Validate(new SignOffSubmission(1, "UnitHead", "Approve", null, publication, null));

        Assert.Null(request);
        Assert.Equal("publication", Assert.Single(errors).Key);
    }

    [Fact]
    public void Requires_the_unit_head_of_an_ordinary_item_to_decide_publication()
    {
        var reply = Drafted() with { SignOffs = [Submitted()] };

        var errors = SignOffRules.ValidatePublication(reply, Step(SignOffStep.UnitHead));

        Assert.Equal("publication", Assert.Single(errors).Key);
    }

    [Fact]
    public void Leaves_publication_of_a_key_item_to_the_proposal_office()
    {
        var reply = Drafted(isKeyItem: true) with { SignOffs = [Submitted()] };

        var unitHeadDeciding = SignOffRules.ValidatePublication(reply, Step(SignOffStep.UnitHead, publication: PublicationDecision.FullText));
        var unitHeadApproving = SignOffRules.ValidatePublication(reply, Step(SignOffStep.UnitHead));
        var officeWithout = SignOffRules.ValidatePublication(reply, Step(SignOffStep.ProposalOffice));

        Assert.Equal("publication", Assert.Single(unitHeadDeciding).Key);
        Assert.Empty(unitHeadApproving);
        Assert.Equal("publication", Assert.Single(officeWithout).Key);
    }

    [Fact]
    public void Reads_the_publication_from_the_deciding_step()
    {
        var ordinary = SignOffRules.PublicationOf([Submitted(), UnitHeadApproved(PublicationDecision.NotPublic)], isKeyItem: false);
        var key = SignOffRules.PublicationOf([Submitted(), UnitHeadApproved(publication: null), OfficeApproved(PublicationDecision.Summary, "摘要")], isKeyItem: true);
        var unfinished = SignOffRules.PublicationOf([Submitted()], isKeyItem: false);

        Assert.Equal((PublicationDecision.NotPublic, (string?)null), ordinary);
        Assert.Equal((PublicationDecision.Summary, "摘要"), key);
        Assert.Null(unfinished);
    }
}
