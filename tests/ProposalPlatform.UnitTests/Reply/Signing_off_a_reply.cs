using ProposalPlatform.Contracts;
using ProposalPlatform.Reply.Domain;
using static ProposalPlatform.UnitTests.Reply.ReplyCases;

namespace ProposalPlatform.UnitTests.Reply;

public class Signing_off_a_reply
{
    [Fact]
    public void Starts_with_the_handler_submitting_the_draft()
    {
        var reply = Drafted();

        var refusal = SignOffRules.RefuseSignOff(reply, Step(SignOffStep.Handler));

        Assert.Null(refusal);
        Assert.Equal(SignOffStatus.NotSubmitted, reply.SignOffStatus);
    }

    [Fact]
    public void Refuses_the_unit_head_before_the_handler_submits()
    {
        var reply = Drafted();

        var refusal = SignOffRules.RefuseSignOff(reply, Step(SignOffStep.UnitHead, publication: PublicationDecision.FullText));

        Assert.NotNull(refusal);
        Assert.Equal("The sign-off is at another step.", refusal.Title);
        Assert.Contains("the next step is Handler", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Waits_for_the_unit_head_after_the_handler_submits()
    {
        var reply = Drafted() with { SignOffs = [Submitted()] };

        Assert.Equal(SignOffStatus.AwaitingUnitHead, reply.SignOffStatus);
        Assert.Null(SignOffRules.RefuseSignOff(reply, Step(SignOffStep.UnitHead, publication: PublicationDecision.NotPublic)));
        Assert.NotNull(SignOffRules.RefuseSignOff(reply, Step(SignOffStep.ProposalOffice, publication: PublicationDecision.NotPublic)));
    }

    [Fact]
    public void Completes_an_ordinary_item_with_the_unit_heads_approval()
    {
        var reply = Drafted() with { SignOffs = [Submitted(), UnitHeadApproved()] };

        Assert.Equal(SignOffStatus.SignedOff, reply.SignOffStatus);
        var refusal = SignOffRules.RefuseSignOff(reply, Step(SignOffStep.ProposalOffice, publication: PublicationDecision.FullText));
        Assert.NotNull(refusal);
        Assert.Equal("The draft is already signed off.", refusal.Title);
    }

    [Fact]
    public void Sends_a_key_item_to_the_proposal_office_after_the_unit_head()
    {
        var reply = Drafted(isKeyItem: true) with { SignOffs = [Submitted(), UnitHeadApproved(publication: null)] };

        Assert.Equal(SignOffStatus.AwaitingProposalOffice, reply.SignOffStatus);
        Assert.Null(SignOffRules.RefuseSignOff(reply, Step(SignOffStep.ProposalOffice, publication: PublicationDecision.Summary)));
        Assert.Equal(SignOffStatus.SignedOff, SignOffRules.StatusOf([Submitted(), UnitHeadApproved(publication: null), OfficeApproved()], isKeyItem: true));
    }

    [Fact]
    public void Returns_the_draft_to_the_handler_when_the_unit_head_sends_it_back()
    {
        var reply = Drafted() with { SignOffs = [Submitted(), UnitHeadSentBack()] };

        Assert.Equal(SignOffStatus.SentBack, reply.SignOffStatus);
        Assert.Equal(SignOffStep.Handler, SignOffRules.ExpectedStep(reply.SignOffStatus));
        Assert.NotNull(SignOffRules.RefuseSignOff(reply, Step(SignOffStep.UnitHead, publication: PublicationDecision.FullText)));
        Assert.Null(SignOffRules.RefuseSignOff(reply, Step(SignOffStep.Handler)));
    }

    [Fact]
    public void Returns_a_key_item_to_the_handler_when_the_office_sends_it_back()
    {
        var sentBack = new SignOffEntry(SignOffStep.ProposalOffice, false, "赵静", "请补充进展。", AssignedAt.AddDays(13));

        var status = SignOffRules.StatusOf([Submitted(), UnitHeadApproved(publication: null), sentBack], isKeyItem: true);

        Assert.Equal(SignOffStatus.SentBack, status);
    }

    [Fact]
    public void Needs_the_whole_chain_again_for_a_new_draft_version()
    {
        // the sign-offs of version 1 do not carry over: the case holds those of its current version only
        var reply = Drafted() with { DraftVersion = 2, SignOffs = [] };

        var refusal = SignOffRules.RefuseSignOff(reply, Step(SignOffStep.UnitHead, version: 2, publication: PublicationDecision.FullText));

        Assert.NotNull(refusal);
        Assert.Equal(SignOffStatus.NotSubmitted, reply.SignOffStatus);
        Assert.Equal("The sign-off is at another step.", refusal.Title);
    }

    [Fact]
    public void Refuses_a_step_on_a_version_that_is_no_longer_current()
    {
        var reply = Drafted() with { DraftVersion = 3, SignOffs = [Submitted()] };

        var refusal = SignOffRules.RefuseSignOff(reply, Step(SignOffStep.UnitHead, version: 2, publication: PublicationDecision.FullText));

        Assert.NotNull(refusal);
        Assert.Equal("The draft version is not the current one.", refusal.Title);
        Assert.Contains("is 3", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_submitting_while_a_co_handlers_opinion_is_outstanding_naming_the_co_handlers()
    {
        var reply = Drafted() with { OutstandingOpinions = ["关税征管司 (HQ-TARIFF)", "HQ-PORTS"] };

        var refusal = SignOffRules.RefuseSignOff(reply, Step(SignOffStep.Handler));

        Assert.NotNull(refusal);
        Assert.Equal("Co-handling opinions are outstanding.", refusal.Title);
        Assert.Contains("关税征管司 (HQ-TARIFF)", refusal.Detail, StringComparison.Ordinal);
        Assert.Contains("HQ-PORTS", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_item_without_a_draft_in_the_round()
    {
        var reply = Drafted() with { DraftText = null, DraftVersion = null };

        var refusal = SignOffRules.RefuseSignOff(reply, Step(SignOffStep.Handler));

        Assert.NotNull(refusal);
        Assert.Equal(ReplyRules.DraftMissingTitle, refusal.Title);
    }

    [Fact]
    public void Refuses_an_item_this_body_only_co_handles()
    {
        var reply = Drafted() with { HandlingMode = HandlingMode.CoHandling };

        var refusal = SignOffRules.RefuseSignOff(reply, Step(SignOffStep.Handler));

        Assert.NotNull(refusal);
        Assert.Equal(ReplyRules.CoHandlingTitle, refusal.Title);
    }

    [Fact]
    public void Refuses_a_draft_whose_reply_was_issued_in_the_round()
    {
        var reply = Drafted() with { SignOffs = [Submitted(), UnitHeadApproved()], IssuedAt = AssignedAt.AddDays(20) };

        var refusal = SignOffRules.RefuseSignOff(reply, Step(SignOffStep.Handler));

        Assert.NotNull(refusal);
        Assert.Equal(ReplyRules.IssuedTitle, refusal.Title);
    }

    [Fact]
    public void Refuses_the_handler_who_submitted_as_the_unit_head()
    {
        var reply = Drafted() with { SignOffs = [Submitted() with { ById = "person-li" }] };

        var refusal = SignOffRules.RefuseSignOff(reply, Step(SignOffStep.UnitHead, publication: PublicationDecision.NotPublic) with { ById = "person-li" });

        Assert.NotNull(refusal);
        Assert.Equal("One person takes one step of a sign-off chain.", refusal.Title);
    }

    [Fact]
    public void Lets_the_handler_submit_again_after_a_send_back()
    {
        var reply = Drafted() with { SignOffs = [Submitted() with { ById = "person-li" }, UnitHeadSentBack() with { ById = "person-wang" }] };

        Assert.Null(SignOffRules.RefuseSignOff(reply, Step(SignOffStep.Handler) with { ById = "person-li" }));
        Assert.NotNull(SignOffRules.RefuseSignOff(reply, Step(SignOffStep.Handler) with { ById = "person-wang" }));
    }
}
