using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.UnitTests.ContactScheduling;

public class Recording_a_valid_contact
{
    [Fact]
    public void Returns_the_contact_and_no_errors()
    {
        var submission = Contacts.Valid();

        var (contact, errors) = ContactRules.Validate(submission, Contacts.Now);

        Assert.Empty(errors);
        Assert.NotNull(contact);
        Assert.Equal(ContactChannel.Phone, contact.Channel);
        Assert.Equal(Contacts.Now.AddHours(-2), contact.OccurredAt);
        Assert.Equal(ContactOutcome.ReachedAndAgreed, contact.Outcome);
        Assert.Equal("Wang Fang", contact.Handler);
        Assert.Equal("The deputy agreed with the proposed handling.", contact.Notes);
    }

    [Fact]
    public void Trims_the_handler_and_the_notes()
    {
        var submission = Contacts.Valid() with { Handler = "  Wang Fang\t", Notes = "\n Visited in person. " };

        var (contact, errors) = ContactRules.Validate(submission, Contacts.Now);

        Assert.Empty(errors);
        Assert.Equal("Wang Fang", contact?.Handler);
        Assert.Equal("Visited in person.", contact?.Notes);
    }

    [Fact]
    public void Accepts_a_contact_without_notes()
    {
        var submission = Contacts.Valid() with { Notes = null };

        var (contact, errors) = ContactRules.Validate(submission, Contacts.Now);

        Assert.Empty(errors);
        Assert.NotNull(contact);
        Assert.Null(contact.Notes);
    }

    [Fact]
    public void Reports_every_missing_field_by_its_json_path()
    {
        var submission = new ContactSubmission(null, null, null, null, null);

        var (contact, errors) = ContactRules.Validate(submission, Contacts.Now);

        Assert.Null(contact);
        Assert.Equal(["channel", "handler", "occurredAt", "outcome"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
