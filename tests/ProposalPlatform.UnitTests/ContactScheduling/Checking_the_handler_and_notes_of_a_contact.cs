using ProposalPlatform.ContactScheduling.Domain;

namespace ProposalPlatform.UnitTests.ContactScheduling;

public class Checking_the_handler_and_notes_of_a_contact
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Requires_a_handler(string? handler)
    {
        var submission = Contacts.Valid() with { Handler = handler };

        var (contact, errors) = ContactRules.Validate(submission, Contacts.Now);

        Assert.Null(contact);
        var error = Assert.Single(errors);
        Assert.Equal("handler", error.Key);
        Assert.Equal("The handler who made the contact is required.", Assert.Single(error.Value));
    }

    [Theory]
    [InlineData("handler")]
    [InlineData("submitterName")]
    public void Rejects_a_name_one_character_too_long(string field)
    {
        var name = new string('名', PlanRules.MaxNameLength + 1);
        var submission = field == "handler" ? Contacts.Valid() with { Handler = name } : Contacts.Valid() with { SubmitterName = name };

        var (contact, errors) = ContactRules.Validate(submission, Contacts.Now);

        Assert.Null(contact);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Key);
        Assert.Equal("At most 200 characters.", Assert.Single(error.Value));
    }

    [Fact]
    public void Accepts_notes_at_the_maximum_length()
    {
        var submission = Contacts.Valid() with { Notes = new string('n', ContactRules.MaxNotesLength) };

        var (contact, errors) = ContactRules.Validate(submission, Contacts.Now);

        Assert.Empty(errors);
        Assert.Equal(10_000, contact?.Notes?.Length);
    }

    [Fact]
    public void Rejects_notes_one_character_too_long()
    {
        var submission = Contacts.Valid() with { Notes = new string('n', ContactRules.MaxNotesLength + 1) };

        var (contact, errors) = ContactRules.Validate(submission, Contacts.Now);

        Assert.Null(contact);
        var error = Assert.Single(errors);
        Assert.Equal("notes", error.Key);
        Assert.Equal("At most 10000 characters.", Assert.Single(error.Value));
    }
}
