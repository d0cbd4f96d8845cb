using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.UnitTests.ContactScheduling;

public class Parsing_the_channel_of_a_contact
{
    [Theory]
    [InlineData("Phone", ContactChannel.Phone)]
    [InlineData("video", ContactChannel.Video)]
    [InlineData("VISIT", ContactChannel.Visit)]
    [InlineData(" Meeting ", ContactChannel.Meeting)]
    [InlineData("entrustedVisit", ContactChannel.EntrustedVisit)]
    public void Accepts_every_channel_by_name_in_any_case(string channel, ContactChannel expected)
    {
        var submission = Contacts.Valid() with { Channel = channel };

        var (contact, errors) = ContactRules.Validate(submission, Contacts.Now);

        Assert.Empty(errors);
        Assert.Equal(expected, contact?.Channel);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData(" 3 ")]
    [InlineData("Email")]
    [InlineData("电话")]
    public void Rejects_numbers_and_unknown_channels_naming_the_allowed_ones(string channel)
    {
        var submission = Contacts.Valid() with { Channel = channel };

        var (contact, errors) = ContactRules.Validate(submission, Contacts.Now);

        Assert.Null(contact);
        var error = Assert.Single(errors);
        Assert.Equal("channel", error.Key);
        Assert.Equal($"'{channel}' is not a valid channel: use one of Phone, Video, Visit, Meeting, EntrustedVisit.", Assert.Single(error.Value));
    }

    [Fact]
    public void Rejects_a_list_of_channels()
    {
        var submission = Contacts.Valid() with { Channel = "Phone,Video" };

        var (contact, errors) = ContactRules.Validate(submission, Contacts.Now);

        Assert.Null(contact);
        Assert.Equal("channel", Assert.Single(errors).Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Requires_a_channel(string? channel)
    {
        var submission = Contacts.Valid() with { Channel = channel };

        var (contact, errors) = ContactRules.Validate(submission, Contacts.Now);

        Assert.Null(contact);
        Assert.Equal("channel is required: one of Phone, Video, Visit, Meeting, EntrustedVisit.", Assert.Single(errors["channel"]));
    }
}
