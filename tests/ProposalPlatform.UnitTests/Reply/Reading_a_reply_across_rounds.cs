using ProposalPlatform.Reply.Apis;
using ProposalPlatform.Reply.Data;
using static ProposalPlatform.UnitTests.Reply.ReplyCases;

namespace ProposalPlatform.UnitTests.Reply;

public class Reading_a_reply_across_rounds
{
    private static readonly Guid _firstReply = Guid.Parse("7a1c2e3f-0000-4000-8000-000000000001");
    private static readonly SignatoryPhones _phones = new(PersonalData.KeyRings.Cipher());

    private static ReplyHistory ReopenedAfterAClassBReply() => new(
        new CaseHistoryRow { ProposalId = ProposalId, UnitCode = "HQ-HEALTH", AssignedAt = AssignedAt, Round = 2, HandlingMode = 1, LeadSubmitterName = "张伟" },
        [new ContactRow(1, AssignedAt.AddDays(10))],
        [new DraftRow(1, 1, "初稿", "李明", AssignedAt.AddDays(11)), new DraftRow(1, 2, "修改稿", "李明", AssignedAt.AddDays(12))],
        [
            new SignOffHistoryRow { Round = 1, DraftVersion = 2, Step = 1, Approved = true, SignedBy = "李明", SignedAt = AssignedAt.AddDays(12) },
            new SignOffHistoryRow { Round = 1, DraftVersion = 2, Step = 2, Approved = true, SignedBy = "王芳", SignedAt = AssignedAt.AddDays(13), Publication = 3 },
        ],
        [new CoHandlerRow { UnitCode = "HQ-TARIFF", UnitName = "关税征管司" }],
        [new IssuedReplyRow { ReplyId = _firstReply, Round = 1, DraftVersion = 2, ResultClass = 2, Text = "修改稿", Publication = 3, IssuedAt = AssignedAt.AddDays(14) }],
        [new RecipientRow(_firstReply, "张伟", true), new RecipientRow(_firstReply, "李娜", false)],
        [new FeedbackRow { ReplyId = _firstReply, OnResult = 3, OnAttitude = 1, ReceivedAt = AssignedAt.AddDays(20) }]);

    [Fact]
    public void Shows_the_new_round_empty_and_keeps_the_first_rounds_history()
    {
        var view = ReplyView.From(ReopenedAfterAClassBReply(), _phones);

        Assert.Equal(2, view.Round);
        Assert.False(view.ContactCompleted);
        Assert.False(view.Issued);
        Assert.Null(view.Draft);
        Assert.Equal("NoDraft", view.SignOffStatus);
        var first = Assert.Single(view.Replies);
        Assert.Equal(["张伟", "李娜"], first.Recipients.Select(r => r.Name));
        Assert.Equal("Dissatisfied", first.Feedback!.OnResult);
        Assert.Equal(2, view.Drafts.Count);
    }

    [Fact]
    public void Keeps_a_class_B_item_on_the_follow_up_list_until_a_reply_of_another_class()
    {
        var history = ReopenedAfterAClassBReply();
        var secondReply = new IssuedReplyRow { ReplyId = Guid.NewGuid(), Round = 2, DraftVersion = 1, ResultClass = 1, Text = "已解决", Publication = 1, IssuedAt = AssignedAt.AddDays(40) };

        var before = ReplyView.From(history, _phones);
        var after = ReplyView.From(history with { Replies = [.. history.Replies, secondReply] }, _phones);

        Assert.True(before.FollowUp);
        Assert.False(after.FollowUp);
        Assert.True(after.Issued);
        Assert.Equal("A", after.ResultClass);
    }

    [Fact]
    public void Shows_an_outstanding_co_handling_opinion_as_not_submitted()
    {
        var view = ReplyView.From(ReopenedAfterAClassBReply(), _phones);

        var opinion = Assert.Single(view.Opinions);
        Assert.False(opinion.Submitted);
        Assert.Null(opinion.Opinion);
    }

    [Fact]
    public void Shows_the_signatories_phones_it_keeps_sealed()
    {
        var replyId = Guid.NewGuid();
        var history = ReopenedAfterAClassBReply();
        var issued = new IssuedReplyRow
        {
            ReplyId = replyId, Round = 2, DraftVersion = 1, ResultClass = 1, Text = "已解决", Publication = 1, IssuedAt = AssignedAt.AddDays(40),
            LeaderName = "王芳", LeaderPhone = _phones.SealLeader(replyId, "010-65194114"),
            HandlerName = "李明", HandlerPhone = _phones.SealHandler(replyId, "13800138000"),
        };

        var view = ReplyView.From(history with { Replies = [.. history.Replies, issued] }, _phones);

        var shown = view.Replies.Single(r => r.ReplyId == replyId);
        Assert.Equal(("010-65194114", "13800138000"), (shown.LeaderPhone, shown.HandlerPhone));
        Assert.Null(view.Replies.Single(r => r.ReplyId == _firstReply).LeaderPhone);
    }
}
