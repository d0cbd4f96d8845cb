using Microsoft.Extensions.Time.Testing;
using ProposalPlatform.ContactScheduling.Domain;

namespace ProposalPlatform.UnitTests.ContactScheduling;

public class Checking_when_a_contact_took_place
{
    private readonly FakeTimeProvider _clock = new(Contacts.Now);

    [Fact]
    public void Requires_the_time_of_the_contact()
    {
        var submission = Contacts.Valid() with { OccurredAt = null };

        var (contact, errors) = ContactRules.Validate(submission, _clock.GetUtcNow());

        Assert.Null(contact);
        Assert.Equal("When the contact took place is required.", Assert.Single(errors["occurredAt"]));
    }

    [Theory]
    [InlineData(-30 * 24 * 60)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(5)]
    public void Accepts_a_contact_in_the_past_or_up_to_five_minutes_ahead_of_the_clock(int minutesFromNow)
    {
        var occurredAt = _clock.GetUtcNow().AddMinutes(minutesFromNow);
        var submission = Contacts.Valid() with { OccurredAt = occurredAt };

        var (contact, errors) = ContactRules.Validate(submission, _clock.GetUtcNow());

        Assert.Empty(errors);
        Assert.Equal(occurredAt, contact?.OccurredAt);
    }

    [Fact]
    public void Rejects_a_contact_more_than_five_minutes_ahead_of_the_clock()
    {
        var occurredAt = _clock.GetUtcNow() + ContactRules.ClockTolerance + TimeSpan.FromSeconds(1);
        var submission = Contacts.Valid() with { OccurredAt = occurredAt };

        var (contact, errors) = ContactRules.Validate(submission, _clock.GetUtcNow());

        Assert.Null(contact);
        var error = Assert.Single(errors);
        Assert.Equal("occurredAt", error.Key);
        Assert.Contains("is in the future", Assert.Single(error.Value), StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_a_time_that_was_in_the_future_once_the_clock_catches_up()
    {
        var submission = Contacts.Valid() with { OccurredAt = _clock.GetUtcNow().AddMinutes(10) };
        var (rejected, _) = ContactRules.Validate(submission, _clock.GetUtcNow());

        _clock.Advance(TimeSpan.FromMinutes(5));
        var (accepted, errors) = ContactRules.Validate(submission, _clock.GetUtcNow());

        Assert.Null(rejected);
        Assert.Empty(errors);
        Assert.NotNull(accepted);
    }

    [Fact]
    public void Compares_instants_not_clock_readings_in_different_offsets()
    {
        // 10:03 in Beijing is 02:03 UTC: within the tolerance of a server clock reading 02:00 UTC.
        var serverNow = new DateTimeOffset(2026, 4, 20, 2, 0, 0, TimeSpan.Zero);
        var submission = Contacts.Valid() with { OccurredAt = new DateTimeOffset(2026, 4, 20, 10, 3, 0, TimeSpan.FromHours(8)) };

        var (contact, errors) = ContactRules.Validate(submission, serverNow);

        Assert.Empty(errors);
        Assert.NotNull(contact);
    }
}
