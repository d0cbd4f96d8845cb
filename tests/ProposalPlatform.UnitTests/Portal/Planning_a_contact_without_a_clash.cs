using ProposalPlatform.Portal.Clients;

namespace ProposalPlatform.UnitTests.Portal;

/// <summary>The contact planner's slot from the browser's inputs, and what it clashes with before it is saved.</summary>
public sealed class Planning_a_contact_without_a_clash
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static Contact Planned(int fromHour, int toHour, string? handler = "王处长", string submitter = "张代表") => new(
        Guid.NewGuid(), "Video", null, null, handler, null, DateTimeOffset.UtcNow, Guid.NewGuid(), "Planned", 1,
        new DateTimeOffset(2026, 12, 2, fromHour, 0, 0, Beijing), new DateTimeOffset(2026, 12, 2, toHour, 0, 0, Beijing),
        submitter, true, null, null, null, null);

    [Theory]
    [InlineData("10:30", "11:00")]
    [InlineData("10:30:00", "11:00:00")]
    public void The_slot_is_the_Beijing_time_the_inputs_name_whether_or_not_they_carry_seconds(string start, string end)
    {
        var slot = PlannerSlot.Of("2026-12-02", start, end);

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 2, 30, 0, TimeSpan.Zero), slot!.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero), slot.End);
    }

    [Theory]
    [InlineData(null, "10:00", "11:00")]
    [InlineData("2026-13-02", "10:00", "11:00")]
    [InlineData("2026-12-02", "", "11:00")]
    [InlineData("2026-12-02", "11:00", "10:00")]
    [InlineData("2026-12-02", "10:00", "10:00")]
    public void A_missing_or_backward_time_is_no_slot(string? date, string start, string end) =>
        Assert.Null(PlannerSlot.Of(date, start, end));

    [Fact]
    public void An_overlap_with_the_same_submitter_or_the_same_handler_clashes()
    {
        var slot = PlannerSlot.Of("2026-12-02", "10:30", "11:30")!;

        Assert.True(slot.Clashes(Planned(10, 11), handler: "李四", submitter: "张代表"));
        Assert.True(slot.Clashes(Planned(10, 11), handler: "王处长", submitter: "别的代表"));
        Assert.True(slot.Clashes(Planned(10, 11), handler: " 王处长 ", submitter: null));
        Assert.False(slot.Clashes(Planned(10, 11), handler: "李四", submitter: "别的代表"));
    }

    [Fact]
    public void A_contact_ending_when_the_other_starts_does_not_clash()
    {
        var slot = PlannerSlot.Of("2026-12-02", "11:00", "12:00")!;

        Assert.False(slot.Clashes(Planned(10, 11), handler: "王处长", submitter: "张代表"));
        Assert.True(slot.Clashes(Planned(11, 12), handler: "王处长", submitter: "张代表"));
    }

    [Fact]
    public void An_entrusted_visit_has_no_handler_of_the_unit_to_clash_with()
    {
        var slot = PlannerSlot.Of("2026-12-02", "10:30", "11:30")!;

        Assert.False(slot.Clashes(Planned(10, 11, handler: null, submitter: "张代表"), handler: null, submitter: "别的代表"));
    }

    [Theory]
    [InlineData("2026-12-02", "2026-11-30")]
    [InlineData("2026-12-06", "2026-11-30")]
    [InlineData("2026-12-07", "2026-12-07")]
    public void The_calendar_shows_the_Monday_to_Sunday_week_of_the_chosen_day(string day, string monday) =>
        Assert.Equal(monday, PlannerSlot.WeekOf(day, DateTimeOffset.UtcNow).ToString("yyyy-MM-dd"));
}
