using ProposalPlatform.ContactScheduling.Domain;

namespace ProposalPlatform.UnitTests.ContactScheduling;

public class Recording_a_contact_with_a_co_signer
{
    [Fact]
    public void Keeps_the_named_submitter()
    {
        var (contact, errors) = ContactRules.Validate(Contacts.Valid() with { SubmitterName = " Zhao Lei " }, Contacts.Now);

        Assert.Empty(errors);
        Assert.Equal("Zhao Lei", contact!.SubmitterName);
    }

    [Fact]
    public void Means_the_lead_submitter_when_no_name_is_given()
    {
        var (contact, _) = ContactRules.Validate(Contacts.Valid(), Contacts.Now);

        Assert.Null(contact!.SubmitterName);
    }

    [Fact]
    public void Refuses_a_blank_submitter_name()
    {
        var (contact, errors) = ContactRules.Validate(Contacts.Valid() with { SubmitterName = "" }, Contacts.Now);

        Assert.Null(contact);
        Assert.Equal(["submitterName"], errors.Keys);
    }
}
