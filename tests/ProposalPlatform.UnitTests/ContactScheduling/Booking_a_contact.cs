using ProposalPlatform.ContactScheduling.Domain;

namespace ProposalPlatform.UnitTests.ContactScheduling;

public class Booking_a_contact
{
    private static readonly DateTimeOffset Nine = new(2026, 5, 6, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid ItemA = Guid.NewGuid();
    private static readonly Guid ItemB = Guid.NewGuid();

    private static PlannedSlot Slot(Guid item, string? handler, string submitter, DateTimeOffset start, double hours = 1) =>
        new(Guid.NewGuid(), item, handler, submitter, start, start.AddHours(hours));

    [Fact]
    public void Refuses_the_same_handler_at_an_overlapping_time()
    {
        var booked = Slot(ItemA, "Wang Fang", "Li Ming", Nine);
        var candidate = Slot(ItemB, "Wang Fang", "Zhao Lei", Nine.AddMinutes(30));

        var clash = Booking.FindClash(candidate, [booked]);

        Assert.NotNull(clash);
        Assert.Equal(ClashKind.Handler, clash.Kind);
        Assert.Equal(booked.ContactId, clash.With.ContactId);
        Assert.Equal(ItemA, clash.With.ProposalId);
    }

    [Fact]
    public void Refuses_the_same_submitter_at_an_overlapping_time()
    {
        var booked = Slot(ItemA, "Wang Fang", "Li Ming", Nine);
        var candidate = Slot(ItemB, "Chen Jie", "Li Ming", Nine.AddMinutes(-30));

        var clash = Booking.FindClash(candidate, [booked]);

        Assert.NotNull(clash);
        Assert.Equal(ClashKind.Submitter, clash.Kind);
        Assert.Equal(booked.ContactId, clash.With.ContactId);
    }

    [Fact]
    public void Allows_a_contact_that_starts_when_the_other_ends()
    {
        var booked = Slot(ItemA, "Wang Fang", "Li Ming", Nine);
        var candidate = Slot(ItemB, "Wang Fang", "Li Ming", Nine.AddHours(1));

        var clash = Booking.FindClash(candidate, [booked]);

        Assert.Null(clash);
    }

    [Fact]
    public void Allows_different_handlers_and_submitters_at_the_same_time()
    {
        var booked = Slot(ItemA, "Wang Fang", "Li Ming", Nine);
        var candidate = Slot(ItemB, "Chen Jie", "Zhao Lei", Nine);

        var clash = Booking.FindClash(candidate, [booked]);

        Assert.Null(clash);
    }

    [Fact]
    public void Does_not_clash_with_its_own_earlier_time_when_rescheduled()
    {
        var booked = Slot(ItemA, "Wang Fang", "Li Ming", Nine);
        var moved = booked with { Start = Nine.AddMinutes(30), End = Nine.AddMinutes(90) };

        var clash = Booking.FindClash(moved, [booked]);

        Assert.Null(clash);
    }

    [Fact]
    public void Compares_names_without_case_or_extra_blanks()
    {
        var booked = Slot(ItemA, "Wang  Fang", "Li Ming", Nine);
        var candidate = Slot(ItemB, " wang fang ", "Zhao Lei", Nine.AddMinutes(10));

        var clash = Booking.FindClash(candidate, [booked]);

        Assert.Equal(ClashKind.Handler, clash?.Kind);
    }

    [Fact]
    public void An_entrusted_visit_without_a_visitor_clashes_only_on_its_submitter()
    {
        var booked = Slot(ItemA, null, "Li Ming", Nine);
        var sameTimeOtherSubmitter = Slot(ItemB, null, "Zhao Lei", Nine);
        var sameSubmitter = Slot(ItemB, "Chen Jie", "Li Ming", Nine.AddMinutes(15));

        Assert.Null(Booking.FindClash(sameTimeOtherSubmitter, [booked]));
        Assert.Equal(ClashKind.Submitter, Booking.FindClash(sameSubmitter, [booked])?.Kind);
    }

    [Fact]
    public void Names_the_earliest_clashing_contact_and_the_handler_before_the_submitter()
    {
        var laterHandlerClash = Slot(ItemA, "Wang Fang", "Sun Li", Nine.AddMinutes(45));
        var earlierSubmitterClash = Slot(ItemA, "Chen Jie", "Li Ming", Nine);
        var earlierHandlerClash = Slot(ItemA, "Wang Fang", "Zhou Yu", Nine.AddMinutes(15));
        var candidate = Slot(ItemB, "Wang Fang", "Li Ming", Nine, hours: 2);

        var clash = Booking.FindClash(candidate, [laterHandlerClash, earlierSubmitterClash, earlierHandlerClash]);

        Assert.Equal(earlierHandlerClash.ContactId, clash?.With.ContactId);
    }

    [Theory]
    [InlineData(0, 60, 30, 90, true)]
    [InlineData(0, 60, 60, 90, false)]
    [InlineData(30, 40, 0, 60, true)]
    [InlineData(0, 60, -60, 0, false)]
    public void Overlap_is_of_half_open_intervals(int start, int end, int otherStart, int otherEnd, bool overlaps)
    {
        var result = Booking.Overlaps(Nine.AddMinutes(start), Nine.AddMinutes(end), Nine.AddMinutes(otherStart), Nine.AddMinutes(otherEnd));

        Assert.Equal(overlaps, result);
    }
}
