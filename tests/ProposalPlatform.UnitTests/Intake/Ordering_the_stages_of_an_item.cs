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
}
