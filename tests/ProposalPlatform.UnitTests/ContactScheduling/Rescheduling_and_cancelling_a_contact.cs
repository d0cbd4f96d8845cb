using ProposalPlatform.ContactScheduling.Domain;

namespace ProposalPlatform.UnitTests.ContactScheduling;

public class Rescheduling_and_cancelling_a_contact
{
    private static readonly DateTimeOffset Nine = new(2026, 5, 6, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_planned_contact_may_move_and_be_cancelled()
    {
        Assert.Null(ContactTransitions.RefuseReschedule(ContactStatus.Planned));
        Assert.Null(ContactTransitions.RefuseCancel(ContactStatus.Planned));
    }

    [Theory]
    [InlineData(ContactStatus.Done)]
    [InlineData(ContactStatus.Cancelled)]
    public void Refuses_to_move_a_contact_no_longer_planned(ContactStatus status)
    {
        var refusal = ContactTransitions.RefuseReschedule(status);

        Assert.NotNull(refusal);
    }

    [Theory]
    [InlineData(ContactStatus.Done)]
    [InlineData(ContactStatus.Cancelled)]
    public void Refuses_to_cancel_a_contact_no_longer_planned(ContactStatus status)
    {
        var refusal = ContactTransitions.RefuseCancel(status);

        Assert.NotNull(refusal);
    }

    [Fact]
    public void Refuses_a_move_to_the_same_time()
    {
        Assert.NotNull(ContactTransitions.RefuseSameTime(Nine, Nine.AddHours(1), Nine, Nine.AddHours(1)));
        Assert.Null(ContactTransitions.RefuseSameTime(Nine, Nine.AddHours(1), Nine.AddHours(1), Nine.AddHours(2)));
    }

    [Theory]
    [InlineData(ContactStatus.Planned, false, false, true)]
    [InlineData(ContactStatus.Planned, true, true, true)]
    [InlineData(ContactStatus.Planned, true, false, false)]
    [InlineData(ContactStatus.Planned, false, true, false)]
    [InlineData(ContactStatus.Done, false, false, false)]
    [InlineData(ContactStatus.Cancelled, false, false, false)]
    public void Takes_an_outcome_once_and_from_whoever_makes_the_contact(ContactStatus status, bool entrusted, bool byDistrict, bool allowed)
    {
        var refusal = ContactTransitions.RefuseOutcome(status, entrusted, byDistrict);

        Assert.Equal(allowed, refusal is null);
    }
}
