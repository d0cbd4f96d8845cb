using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.UnitTests.ContactScheduling;

public class Completing_the_contact_requirement
{
    [Theory]
    [InlineData(ContactOutcome.ReachedAndAgreed)]
    [InlineData(ContactOutcome.FaceToFaceRequested)]
    public void Completes_the_round_when_the_lead_submitter_is_reached(ContactOutcome outcome)
    {
        var completes = ContactRequirement.CompletesRound(outcome, withLeadSubmitter: true, roundAlreadyCompleted: false);

        Assert.True(completes);
    }

    [Theory]
    [InlineData(ContactOutcome.Unreachable)]
    [InlineData(ContactOutcome.Declined)]
    public void Does_not_complete_when_the_lead_submitter_was_not_reached(ContactOutcome outcome)
    {
        var completes = ContactRequirement.CompletesRound(outcome, withLeadSubmitter: true, roundAlreadyCompleted: false);

        Assert.False(completes);
    }

    [Fact]
    public void Does_not_complete_with_a_co_signer_only()
    {
        var completes = ContactRequirement.CompletesRound(ContactOutcome.ReachedAndAgreed, withLeadSubmitter: false, roundAlreadyCompleted: false);

        Assert.False(completes);
    }

    [Fact]
    public void Does_not_complete_a_round_twice()
    {
        var completes = ContactRequirement.CompletesRound(ContactOutcome.ReachedAndAgreed, withLeadSubmitter: true, roundAlreadyCompleted: true);

        Assert.False(completes);
    }
}
