using ProposalPlatform.Contracts;
using ProposalPlatform.ContactScheduling.Domain;

namespace ProposalPlatform.UnitTests.ContactScheduling;

public class Parsing_the_outcome_of_a_contact
{
    [Theory]
    [InlineData("ReachedAndAgreed", ContactOutcome.ReachedAndAgreed)]
    [InlineData("facetofacerequested", ContactOutcome.FaceToFaceRequested)]
    [InlineData("UNREACHABLE", ContactOutcome.Unreachable)]
    [InlineData(" Declined ", ContactOutcome.Declined)]
    public void Accepts_every_outcome_by_name_in_any_case(string outcome, ContactOutcome expected)
    {
        var submission = Contacts.Valid() with { Outcome = outcome };

        var (contact, errors) = ContactRules.Validate(submission, Contacts.Now);

        Assert.Empty(errors);
        Assert.Equal(expected, contact?.Outcome);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("Agreed")]
    [InlineData("Reached")]
    public void Rejects_numbers_and_unknown_outcomes_naming_the_allowed_ones(string outcome)
    {
        var submission = Contacts.Valid() with { Outcome = outcome };

        var (contact, errors) = ContactRules.Validate(submission, Contacts.Now);

        Assert.Null(contact);
        var error = Assert.Single(errors);
        Assert.Equal("outcome", error.Key);
        Assert.Equal(
            $"'{outcome}' is not a valid outcome: use one of ReachedAndAgreed, FaceToFaceRequested, Unreachable, Declined.",
            Assert.Single(error.Value));
    }

    [Fact]
    public void Rejects_a_list_of_outcomes()
    {
        var submission = Contacts.Valid() with { Outcome = "ReachedAndAgreed,FaceToFaceRequested" };

        var (contact, errors) = ContactRules.Validate(submission, Contacts.Now);

        Assert.Null(contact);
        Assert.Equal("outcome", Assert.Single(errors).Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Requires_an_outcome(string? outcome)
    {
        var submission = Contacts.Valid() with { Outcome = outcome };

        var (contact, errors) = ContactRules.Validate(submission, Contacts.Now);

        Assert.Null(contact);
        Assert.Equal(
            "outcome is required: one of ReachedAndAgreed, FaceToFaceRequested, Unreachable, Declined.",
            Assert.Single(errors["outcome"]));
    }
}
