using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.UnitTests.ContactScheduling;

public class Planning_a_contact
{
    private static readonly DateTimeOffset Now = Contacts.Now;

    private static ContactPlanRequest Valid() => new("Video", Now.AddDays(2), Now.AddDays(2).AddHours(1), "Wang Fang");

    [Fact]
    public void Accepts_a_complete_plan_with_the_lead_submitter_by_default()
    {
        var (plan, errors) = PlanRules.Validate(Valid(), Now);

        Assert.Empty(errors);
        Assert.NotNull(plan);
        Assert.Equal(ContactChannel.Video, plan.Channel);
        Assert.Null(plan.SubmitterName);
        Assert.Equal("Wang Fang", plan.Handler);
    }

    [Fact]
    public void Refuses_a_plan_that_ends_before_it_starts()
    {
        var (plan, errors) = PlanRules.Validate(Valid() with { PlannedEnd = Now.AddDays(2).AddHours(-1) }, Now);

        Assert.Null(plan);
        Assert.Contains("plannedEnd", errors.Keys);
    }

    [Fact]
    public void Refuses_a_plan_for_a_time_already_past()
    {
        var (plan, errors) = PlanRules.Validate(Valid() with { PlannedStart = Now.AddHours(-3), PlannedEnd = Now.AddHours(-2) }, Now);

        Assert.Null(plan);
        Assert.Equal(["plannedStart"], errors.Keys);
    }

    [Fact]
    public void Refuses_a_contact_longer_than_a_working_day()
    {
        var (_, errors) = PlanRules.Validate(Valid() with { PlannedEnd = Now.AddDays(3) }, Now);

        Assert.Contains("plannedEnd", errors.Keys);
    }

    [Fact]
    public void Names_every_missing_field()
    {
        var (plan, errors) = PlanRules.Validate(new ContactPlanRequest(null, null, null, null), Now);

        Assert.Null(plan);
        Assert.Equal(["channel", "handler", "plannedEnd", "plannedStart"], errors.Keys.Order());
    }

    [Fact]
    public void Refuses_an_unknown_channel()
    {
        var (_, errors) = PlanRules.Validate(Valid() with { Channel = "Letter" }, Now);

        Assert.Contains("channel", errors.Keys);
    }

    [Fact]
    public void Leaves_the_handler_of_an_entrusted_visit_to_the_district()
    {
        var (plan, errors) = PlanRules.Validate(Valid() with { Channel = "EntrustedVisit", Handler = null }, Now);

        Assert.Empty(errors);
        Assert.True(plan!.Entrusted);
        Assert.Null(plan.Handler);
    }

    [Fact]
    public void Refuses_a_blank_submitter_name()
    {
        var (_, errors) = PlanRules.Validate(Valid() with { SubmitterName = "  " }, Now);

        Assert.Equal(["submitterName"], errors.Keys);
    }

    [Fact]
    public void A_reschedule_needs_a_reason()
    {
        var (time, errors) = PlanRules.Validate(new RescheduleRequest(Now.AddDays(1), Now.AddDays(1).AddHours(1), " "), Now);

        Assert.Null(time);
        Assert.Equal(["reason"], errors.Keys.Order());
    }

    [Fact]
    public void A_cancellation_needs_a_reason()
    {
        var errors = PlanRules.Validate(new CancelRequest(null));

        Assert.Equal(["reason"], errors.Keys.Order());
    }

    [Fact]
    public void A_district_report_needs_the_report_text_and_a_known_outcome()
    {
        var (report, errors) = PlanRules.Validate(new EntrustedReportRequest("Satisfied", null), Now);

        Assert.Null(report);
        Assert.Equal(["outcome", "report"], errors.Keys.Order());
    }

    [Fact]
    public void A_district_schedule_names_the_visitor()
    {
        var (time, errors) = PlanRules.Validate(new EntrustedScheduleRequest(Now.AddDays(1), Now.AddDays(1).AddHours(2), null), Now);

        Assert.Null(time);
        Assert.Equal(["visitor"], errors.Keys);
    }

    [Fact]
    public void An_outcome_without_a_time_took_place_now()
    {
        var (outcome, errors) = PlanRules.Validate(new OutcomeRequest("FaceToFaceRequested", "Wants a visit"), Now);

        Assert.Empty(errors);
        Assert.Equal(Now, outcome!.OccurredAt);
        Assert.Equal(ContactOutcome.FaceToFaceRequested, outcome.Outcome);
    }
}
