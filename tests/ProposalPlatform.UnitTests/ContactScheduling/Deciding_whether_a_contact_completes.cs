using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.UnitTests.ContactScheduling;

public class Deciding_whether_a_contact_completes
{
    [Theory]
    [InlineData(ContactOutcome.ReachedAndAgreed, true)]
    [InlineData(ContactOutcome.FaceToFaceRequested, true)]
    [InlineData(ContactOutcome.Unreachable, false)]
    [InlineData(ContactOutcome.Declined, false)]
    public void Completes_only_when_the_submitter_was_reached(ContactOutcome outcome, bool completes)
    {
        var contact = new ValidContact(ContactChannel.Phone, Contacts.Now, outcome, "Wang Fang", null);

        var result = contact.Completes;

        Assert.Equal(completes, result);
    }

    [Fact]
    public void Completes_for_exactly_the_two_outcomes_that_reach_the_submitter()
    {
        var completing = Enum.GetValues<ContactOutcome>()
            .Where(outcome => new ValidContact(ContactChannel.Visit, Contacts.Now, outcome, "Wang Fang", null).Completes);

        Assert.Equal([ContactOutcome.ReachedAndAgreed, ContactOutcome.FaceToFaceRequested], completing);
    }

    [Theory]
    [InlineData("ReachedAndAgreed", true)]
    [InlineData("Unreachable", false)]
    public void A_validated_contact_completes_by_its_outcome(string outcome, bool completes)
    {
        var submission = Contacts.Valid() with { Channel = "EntrustedVisit", Outcome = outcome };

        var (contact, _) = ContactRules.Validate(submission, Contacts.Now);

        Assert.NotNull(contact);
        Assert.Equal(completes, contact.Completes);
    }
}
