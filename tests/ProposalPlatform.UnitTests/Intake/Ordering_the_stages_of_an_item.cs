using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.UnitTests.Intake;

public class Ordering_the_stages_of_an_item
{
    // an item's stage is the furthest reported (GREATEST in SQL), so the order of the values is the rule
    [Fact]
    public void Returned_is_above_every_stage_of_handling_so_a_returned_item_stays_returned()
    {
        var others = Enum.GetValues<ProposalStage>().Where(stage => stage != ProposalStage.Returned);

        Assert.All(others, stage => Assert.True(ProposalStage.Returned > stage, $"{stage} would outrank Returned"));
    }

    [Fact]
    public void Handling_moves_forward_from_registration_to_reply()
    {
        ProposalStage[] handling = [ProposalStage.Registered, ProposalStage.Assigned, ProposalStage.ContactCompleted, ProposalStage.Replied];

        Assert.Equal(handling.Order(), handling);
    }

    [Fact]
    public void The_submitters_answer_comes_after_the_reply()
    {
        Assert.True(ProposalStage.Satisfied > ProposalStage.Replied);
        Assert.True(ProposalStage.Dissatisfied > ProposalStage.Replied);
    }

    [Theory]
    [InlineData(ProposalStage.Assigned, 1, "Assigned")]
    [InlineData(ProposalStage.Assigned, 2, "ReHandling")]
    [InlineData(ProposalStage.Replied, 2, "Replied")]
    [InlineData(ProposalStage.Dissatisfied, 1, "Dissatisfied")]
    public void A_reopened_item_being_handled_again_shows_as_ReHandling(ProposalStage stage, int round, string status)
    {
        Assert.Equal(status, ProposalStatus.Of((short)stage, round));
    }

    [Fact]
    public void The_register_names_every_status_in_chinese()
    {
        var statuses = Enum.GetValues<ProposalStage>().SelectMany(stage => new[] { 1, 2 }.Select(round => ProposalStatus.InChinese((short)stage, round))).ToList();

        Assert.All(statuses, status => Assert.DoesNotMatch("[A-Za-z]", status));
        Assert.Equal("办理中", ProposalStatus.InChinese((short)ProposalStage.Assigned, 1));
        Assert.Equal("重新办理中", ProposalStatus.InChinese((short)ProposalStage.Assigned, 2));
    }
}
