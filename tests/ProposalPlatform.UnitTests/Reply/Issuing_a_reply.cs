using ProposalPlatform.Contracts;
using ProposalPlatform.Reply.Domain;
using static ProposalPlatform.UnitTests.Reply.ReplyCases;

namespace ProposalPlatform.UnitTests.Reply;

public class Issuing_a_reply
{
    [Fact]
    public void Allows_a_signed_off_draft_with_a_completed_contact_in_the_round()
    {
        Assert.Null(ReplyRules.RefuseIssue(SignedOff()));
    }

    [Fact]
    public void Refuses_a_draft_awaiting_the_unit_head_saying_it_is_not_signed_off()
    {
        var reply = Drafted() with { SignOffs = [Submitted()] };

        var refusal = ReplyRules.RefuseIssue(reply);

        Assert.NotNull(refusal);
        Assert.Equal(ReplyRules.SignOffMissingTitle, refusal.Title);
        Assert.Contains("awaiting the unit head", refusal.Detail, StringComparison.Ordinal);
        Assert.Equal(["signOff"], refusal.Missing);
    }

    [Fact]
    public void Refuses_a_key_item_the_proposal_office_has_not_signed_off()
    {
        var reply = Drafted(isKeyItem: true) with { SignOffs = [Submitted(), UnitHeadApproved(publication: null)] };

        var refusal = ReplyRules.RefuseIssue(reply);

        Assert.NotNull(refusal);
        Assert.Equal(ReplyRules.SignOffMissingTitle, refusal.Title);
        Assert.Contains("awaiting the proposal office", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_everything_missing_contact_first()
    {
        var reply = Drafted() with { ContactCompletedAt = null, LeadSubmitterName = null };

        var refusal = ReplyRules.RefuseIssue(reply);

        Assert.NotNull(refusal);
        Assert.Equal(ReplyRules.ContactMissingTitle, refusal.Title);
        Assert.Equal(["contact", "signOff", "submitters"], refusal.Missing);
        Assert.Contains("round 1", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_item_this_body_only_co_handles()
    {
        var reply = SignedOff() with { HandlingMode = HandlingMode.CoHandling };

        var refusal = ReplyRules.RefuseIssue(reply);

        Assert.NotNull(refusal);
        Assert.Equal(ReplyRules.CoHandlingTitle, refusal.Title);
    }

    [Theory]
    [InlineData(HandlingMode.Lead)]
    [InlineData(HandlingMode.Sole)]
    [InlineData(HandlingMode.Separate)]
    public void Allows_every_mode_in_which_the_body_replies(HandlingMode mode)
    {
        var reply = SignedOff() with { HandlingMode = mode };

        Assert.Null(ReplyRules.RefuseIssue(reply));
    }

    [Fact]
    public void Refuses_a_second_reply_in_the_same_round()
    {
        var reply = SignedOff() with { IssuedAt = AssignedAt.AddDays(20) };

        var refusal = ReplyRules.RefuseIssue(reply);

        Assert.NotNull(refusal);
        Assert.Equal(ReplyRules.IssuedTitle, refusal.Title);
    }

    [Fact]
    public void Needs_a_new_contact_in_a_re_handling_round()
    {
        // round 2: the case reads the contact, draft and reply of round 2 only
        var reply = SignedOff() with { Round = 2, ContactCompletedAt = null, IssuedAt = null };

        var refusal = ReplyRules.RefuseIssue(reply);

        Assert.NotNull(refusal);
        Assert.Equal(ReplyRules.ContactMissingTitle, refusal.Title);
        Assert.Contains("round 2", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_returned_item()
    {
        var reply = SignedOff() with { ReturnedAt = AssignedAt.AddDays(3) };

        var refusal = ReplyRules.RefuseIssue(reply);

        Assert.NotNull(refusal);
        Assert.Equal(ReplyRules.ReturnedTitle, refusal.Title);
    }

    [Fact]
    public void Sends_the_reply_to_the_lead_submitter_and_every_co_signer()
    {
        var reply = SignedOff() with { CoSignerNames = ["李娜", " 王强 ", ""] };

        var recipients = ReplyRules.RecipientsOf(reply);

        Assert.Equal(["张伟", "李娜", "王强"], recipients);
    }

    [Fact]
    public void Requires_the_leader_and_handler_with_their_phones()
    {
        var issue = new IssueSubmission("A", "王芳", "abc", " ", "010-6519 4114");

        var errors = ReplyRules.ValidateSignatories(issue);

        Assert.Equal(["handlerName", "leaderPhone"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("010-65194114")]
    [InlineData("(010) 6519 4114")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("13800138000")]
    [InlineData("010-65194114 转 8012")]
    public void Accepts_phone_numbers_as_offices_write_them(string phone)
    {
        var errors = ReplyRules.ValidateSignatories(new IssueSubmission("A", "王芳", phone, "李明", phone));

        Assert.Empty(errors);
    }
}
