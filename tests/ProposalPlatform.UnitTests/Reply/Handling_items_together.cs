using ProposalPlatform.Contracts;
using ProposalPlatform.Intake.Domain;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.UnitTests.Reply;

public class Handling_items_together
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static ReplyCase Case(string unit = "HQ-FTZ") => new(Guid.NewGuid(), unit, Now.AddDays(-20), null, null, null);

    [Fact]
    public void A_group_lists_the_lead_first_and_each_item_once()
    {
        var (lead, other) = (Guid.NewGuid(), Guid.NewGuid());

        var (items, errors) = HandlingGroupRules.Validate(new GroupSubmission(lead, [other, lead, other], null));

        Assert.Empty(errors);
        Assert.Equal([lead, other], items);
    }

    [Theory]
    [InlineData(0, "proposalIds")]
    [InlineData(1, "proposalIds")]
    [InlineData(101, "proposalIds")]
    public void A_group_has_two_to_a_hundred_items(int others, string field)
    {
        var lead = Guid.NewGuid();
        IReadOnlyList<Guid>? list = others == 0 ? null : others == 1 ? [lead] : [.. Enumerable.Range(0, others).Select(_ => Guid.NewGuid())];

        var (_, errors) = HandlingGroupRules.Validate(new GroupSubmission(lead, list, null));

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void A_group_without_a_lead_is_refused_naming_the_lead()
    {
        var (_, errors) = HandlingGroupRules.Validate(new GroupSubmission(null, [Guid.NewGuid(), Guid.NewGuid()], new string('注', 501)));

        Assert.Equal(["leadProposalId", "note"], errors.Keys.Order());
    }

    [Fact]
    public void Only_the_lead_units_open_items_join_and_a_key_item_only_under_a_key_lead()
    {
        var lead = Case();
        var fine = Case();
        var elsewhere = Case("HQ-PORTS");
        var replied = Case() with { IssuedAt = Now };
        var returned = Case() with { ReturnedAt = Now };
        var coHandled = Case() with { HandlingMode = HandlingMode.CoHandling };
        var grouped = Case() with { Group = new GroupMembership(Guid.NewGuid(), Guid.NewGuid()) };
        var key = Case() with { IsKeyItem = true };

        var problems = HandlingGroupRules.RefuseForming(lead, [lead, fine, elsewhere, replied, returned, coHandled, grouped, key]);

        Assert.Equal(new[] { elsewhere, replied, returned, coHandled, grouped, key }.Select(c => c.ProposalId), problems.Select(p => p.ProposalId));
        Assert.Empty(HandlingGroupRules.RefuseForming(lead with { IsKeyItem = true }, [key]));
    }

    [Fact]
    public void An_item_leaves_before_the_groups_draft_is_signed_off_and_the_lead_never()
    {
        var lead = Case() with { DraftVersion = 1, DraftText = "答复" };
        var signedOff = lead with
        {
            SignOffs = [new SignOffEntry(SignOffStep.Handler, true, "赵六", null, Now, ById: "u1"), new SignOffEntry(SignOffStep.UnitHead, true, "钱七", null, Now, PublicationDecision.FullText)],
        };

        Assert.Null(HandlingGroupRules.RefuseLeaving(lead, Guid.NewGuid()));
        Assert.Equal(HandlingGroupRules.LeadLeavingTitle, HandlingGroupRules.RefuseLeaving(lead, lead.ProposalId)!.Title);
        Assert.Equal(HandlingGroupRules.SignedOffTitle, HandlingGroupRules.RefuseLeaving(signedOff, Guid.NewGuid())!.Title);
    }

    [Fact]
    public void An_item_of_a_group_neither_drafts_nor_issues_on_its_own_but_is_answered_with_the_leads_draft()
    {
        var lead = Case() with { DraftVersion = 3, DraftText = "并案答复", IsKeyItem = true };
        var member = Case() with { Group = new GroupMembership(Guid.NewGuid(), lead.ProposalId), ContactCompletedAt = Now, LeadSubmitterName = "张三" };

        var answered = HandlingGroupRules.AsAnsweredBy(member, lead);

        Assert.Equal(ReplyRules.InGroupTitle, ReplyRules.RefuseWork(member)!.Title);
        Assert.Equal(ReplyRules.InGroupTitle, ReplyRules.RefuseIssue(member)!.Title);
        Assert.Null(ReplyRules.RefuseWork(lead with { Group = new GroupMembership(Guid.NewGuid(), lead.ProposalId) }));
        Assert.Equal(("并案答复", 3, true, member.ProposalId), (answered.DraftText, answered.DraftVersion, answered.IsKeyItem, answered.ProposalId));
        Assert.Equal(["signOff"], ReplyRules.RefuseIssue(answered)!.Missing);
    }

    [Fact]
    public void Items_confirmed_at_once_must_be_one_cluster_of_similar_items()
    {
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        Assert.Null(SimilarClusters.RefuseCluster([a, b, c], [(a, b), (b, c)]));
        Assert.Contains(d.ToString(), SimilarClusters.RefuseCluster([a, b, d], [(a, b)]), StringComparison.Ordinal);
        Assert.Contains("2 separate clusters", SimilarClusters.RefuseCluster([a, b, c, d], [(a, b), (c, d)]), StringComparison.Ordinal);
        Assert.NotNull(SimilarClusters.Validate([a]).Error);
        Assert.NotNull(SimilarClusters.Validate([a, Guid.Empty]).Error);
        Assert.Null(SimilarClusters.Validate([a, b, a]).Error);
        Assert.Equal(2, SimilarClusters.Validate([a, b, a]).Items.Count);
    }
}
