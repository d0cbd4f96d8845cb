using ProposalPlatform.Contracts;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.UnitTests.Reply;

public class Refusing_to_issue_a_reply
{
    private static readonly Guid _proposalId = Guid.Parse("0b5c8a52-6f1e-4d39-9a37-2f6c1d4e8a10");
    private static readonly DateTimeOffset _assignedAt = new(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(8));

    private static ReplyCase ReadyToIssue() => new(
        _proposalId,
        UnitCode: "HQ-HEALTH",
        AssignedAt: _assignedAt,
        ContactCompletedAt: _assignedAt.AddDays(10),
        DraftText: "Thank you for your suggestion. We have…",
        IssuedAt: null)
    {
        DraftVersion = 1,
        LeadSubmitterName = "张伟",
        SignOffs =
        [
            new SignOffEntry(SignOffStep.Handler, true, "李明", null, _assignedAt.AddDays(11)),
            new SignOffEntry(SignOffStep.UnitHead, true, "王芳", null, _assignedAt.AddDays(12), PublicationDecision.FullText),
        ],
    };

    [Fact]
    public void Allows_a_reply_that_is_assigned_contacted_drafted_and_signed_off()
    {
        var reply = ReadyToIssue();

        var refusal = ReplyRules.RefuseIssue(reply);

        Assert.Null(refusal);
    }

    [Fact]
    public void Refuses_a_reply_that_was_already_issued()
    {
        var reply = ReadyToIssue() with { IssuedAt = _assignedAt.AddDays(30) };

        var refusal = ReplyRules.RefuseIssue(reply);

        Assert.NotNull(refusal);
        Assert.Equal("The reply was already issued.", refusal.Title);
        Assert.Contains(_proposalId.ToString(), refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_item_that_is_not_assigned()
    {
        var reply = ReadyToIssue() with { UnitCode = null, AssignedAt = null };

        var refusal = ReplyRules.RefuseIssue(reply);

        Assert.NotNull(refusal);
        Assert.Equal("The item is not assigned.", refusal.Title);
        Assert.Contains(_proposalId.ToString(), refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_item_without_a_completed_contact_saying_contact_is_missing()
    {
        var reply = ReadyToIssue() with { ContactCompletedAt = null };

        var refusal = ReplyRules.RefuseIssue(reply);

        Assert.NotNull(refusal);
        Assert.Contains("contact", refusal.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("missing", refusal.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(_proposalId.ToString(), refusal.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Refuses_an_item_without_a_draft(string? draft)
    {
        var reply = ReadyToIssue() with { DraftText = draft };

        var refusal = ReplyRules.RefuseIssue(reply);

        Assert.NotNull(refusal);
        Assert.Equal("The draft is missing.", refusal.Title);
    }

    [Fact]
    public void Names_the_missing_contact_before_the_missing_draft()
    {
        var reply = ReadyToIssue() with { ContactCompletedAt = null, DraftText = null };

        var refusal = ReplyRules.RefuseIssue(reply);

        Assert.NotNull(refusal);
        Assert.Equal("Contact with the submitter is missing.", refusal.Title);
    }

    [Fact]
    public void Names_an_issued_reply_as_issued_whatever_else_is_missing()
    {
        var reply = new ReplyCase(_proposalId, null, null, null, null, IssuedAt: _assignedAt.AddDays(30));

        var refusal = ReplyRules.RefuseIssue(reply);

        Assert.NotNull(refusal);
        Assert.Equal("The reply was already issued.", refusal.Title);
    }

    [Fact]
    public void Refuses_a_returned_item_that_is_otherwise_ready_saying_it_was_returned()
    {
        var reply = ReadyToIssue() with { ReturnedAt = _assignedAt.AddDays(5) };

        var refusal = ReplyRules.RefuseIssue(reply);

        Assert.NotNull(refusal);
        Assert.Equal("The item was returned to the assigning office.", refusal.Title);
        Assert.Contains(_proposalId.ToString(), refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_return_before_the_missing_assignment_contact_and_draft()
    {
        // the return can arrive before the assignment: the case then knows nothing else
        var reply = new ReplyCase(_proposalId, "HQ-HEALTH", null, null, null, null, ReturnedAt: _assignedAt.AddDays(5));

        var refusal = ReplyRules.RefuseIssue(reply);

        Assert.NotNull(refusal);
        Assert.Equal("The item was returned to the assigning office.", refusal.Title);
    }
}
