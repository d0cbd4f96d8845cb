using ProposalPlatform.Contracts;
using ProposalPlatform.Reply.Domain;
using static ProposalPlatform.UnitTests.Reply.ReplyCases;

namespace ProposalPlatform.UnitTests.Reply;

public class Recording_feedback_on_a_reply
{
    [Fact]
    public void Requests_re_handling_when_the_submitter_is_dissatisfied_with_the_result()
    {
        var (feedback, _) = FeedbackRules.Validate(new FeedbackSubmission("Dissatisfied", "Satisfied", "问题仍未解决"));

        Assert.NotNull(feedback);
        Assert.True(FeedbackRules.RequestsReHandling(feedback));
        Assert.Equal(
            "The submitter is dissatisfied with the result of the reply of round 1: 问题仍未解决",
            FeedbackRules.ReHandlingReason(1, feedback));
    }

    [Theory]
    [InlineData("Satisfied", "Dissatisfied")]
    [InlineData("BasicallySatisfied", "BasicallySatisfied")]
    [InlineData("satisfied", "satisfied")]
    public void Does_not_request_re_handling_unless_the_result_is_unsatisfying(string onResult, string onAttitude)
    {
        var (feedback, errors) = FeedbackRules.Validate(new FeedbackSubmission(onResult, onAttitude));

        Assert.Empty(errors);
        Assert.NotNull(feedback);
        Assert.False(FeedbackRules.RequestsReHandling(feedback));
    }

    [Fact]
    public void Names_both_answers_when_they_are_missing_or_unknown()
    {
        var (feedback, errors) = FeedbackRules.Validate(new FeedbackSubmission(null, "Happy"));

        Assert.Null(feedback);
        Assert.Equal(["onAttitude", "onResult"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Refuses_feedback_before_any_reply_was_issued()
    {
        var refusal = FeedbackRules.RefuseFeedback(ProposalId, latest: null);

        Assert.NotNull(refusal);
        Assert.Equal("No reply was issued.", refusal.Title);
    }

    [Fact]
    public void Refuses_a_second_feedback_on_the_same_reply()
    {
        var refusal = FeedbackRules.RefuseFeedback(ProposalId, new LatestReply(Guid.NewGuid(), 2, HasFeedback: true));

        Assert.NotNull(refusal);
        Assert.Equal("The feedback was already recorded.", refusal.Title);
        Assert.Contains("round 2", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_feedback_on_the_latest_reply()
    {
        Assert.Null(FeedbackRules.RefuseFeedback(ProposalId, new LatestReply(Guid.NewGuid(), 1, HasFeedback: false)));
        Assert.Equal(SatisfactionLevel.Dissatisfied, FeedbackRules.Validate(new FeedbackSubmission("Dissatisfied", "Dissatisfied")).Request!.OnResult);
    }
}
