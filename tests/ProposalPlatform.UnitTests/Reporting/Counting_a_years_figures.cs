using ProposalPlatform.Contracts;
using ProposalPlatform.Reporting.Domain;

namespace ProposalPlatform.UnitTests.Reporting;

public class Counting_a_years_figures
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));

    private static ItemFacts Item(
        HandlingMode mode = HandlingMode.Lead, string topic = "口岸", string? unit = "HQ-PORTS", DateTimeOffset? due = null, bool returned = false,
        ReplyFact[]? replies = null, CompletionFact[]? completions = null, ContactFact[]? contacts = null, FeedbackFact[]? feedback = null,
        RoundDeadline[]? reopenings = null, ProposalKind kind = ProposalKind.Suggestion, Guid? group = null, bool key = false) =>
        new(Guid.NewGuid(), kind, 2020, 13, 3, topic, mode, key, unit, unit is null ? null : $"{unit} 名称", null, due ?? Now.AddMonths(1), returned,
            reopenings ?? [], replies ?? [], completions ?? [], contacts ?? [], feedback ?? [], [.. (reopenings ?? []).Select(r => r.Round - 1)], group);

    [Fact]
    public void Replied_directly_is_lead_sole_and_separate_as_a_share_of_all_items()
    {
        var items = new[]
        {
            Item(HandlingMode.Lead), Item(HandlingMode.Sole), Item(HandlingMode.Separate), Item(HandlingMode.CoHandling),
        };

        var figures = YearFigures.Of(items, Now);

        Assert.Equal(new Ratio(3, 4), figures.RepliedDirectly);
        Assert.Equal(75.0, figures.RepliedDirectly.Percent);
        Assert.Equal(3, figures.ToReply);
        Assert.All(Enum.GetValues<HandlingMode>(), m => Assert.Equal(1, figures.ByMode[m]));
    }

    [Fact]
    public void The_article_share_of_72_in_234_is_30_8_percent_to_one_decimal()
    {
        Assert.Equal(30.8, new Ratio(72, 234).Percent);
        Assert.Null(new Ratio(0, 0).Percent);
    }

    [Fact]
    public void A_reply_is_on_time_by_its_rounds_deadline_and_an_overdue_item_has_none_in_its_open_round()
    {
        var due = Now.AddDays(-10);
        var onTime = Item(due: due, replies: [new(1, ResultClass.A, due.AddMinutes(-1))], completions: [new(1, ContactChannel.Phone, due.AddDays(-2))]);
        var late = Item(due: due, replies: [new(1, ResultClass.C, due.AddMinutes(1))], completions: [new(1, ContactChannel.Phone, due.AddDays(-2))]);
        var overdue = Item(due: due);
        var reopenedAndOverdue = Item(due: due, replies: [new(1, ResultClass.B, due.AddDays(-1))], reopenings: [new(2, Now.AddDays(-1))]);
        var returnedLate = Item(due: due, returned: true);

        var figures = YearFigures.Of([onTime, late, overdue, reopenedAndOverdue, returnedLate], Now);

        Assert.Equal(new Ratio(2, 3), figures.OnTime);
        Assert.Equal(2, figures.OverdueNow);
        Assert.Equal(new Ratio(3, 4), figures.ReplyRate);
        Assert.Equal(1, figures.Returned);
        // the reply issued without a completed contact before it is counted as lacking one
        Assert.Equal(new Ratio(2, 3), figures.ContactBeforeReply);
        Assert.Equal(1, figures.RepliesWithoutContact);
    }

    [Fact]
    public void Result_classes_count_each_items_standing_reply_and_A_plus_B_is_solved_or_being_solved()
    {
        var items = new[]
        {
            Item(replies: [new(1, ResultClass.C, Now.AddDays(-20)), new(2, ResultClass.A, Now.AddDays(-1))]),
            Item(replies: [new(1, ResultClass.B, Now.AddDays(-3))]),
            Item(replies: [new(1, ResultClass.D, Now.AddDays(-3))]),
        };

        var figures = YearFigures.Of(items, Now);

        Assert.Equal(new Ratio(1, 3), figures.ResultClasses[ResultClass.A]);
        Assert.Equal(new Ratio(0, 3), figures.ResultClasses[ResultClass.C]);
        Assert.Equal(new Ratio(2, 3), figures.SolvedOrBeingSolved);
        Assert.Equal(1, figures.BClassOnFollowUp);
        Assert.Equal(4, figures.RepliesIssued);
    }

    [Fact]
    public void Face_to_face_counts_items_met_by_a_visit_a_meeting_or_an_entrusted_visit_among_those_reached()
    {
        ContactFact Made(ContactChannel channel, string? district = null) => new(channel, district, false, ContactOutcome.ReachedAndAgreed);
        var items = new[]
        {
            Item(contacts: [Made(ContactChannel.Phone), Made(ContactChannel.Visit)]),
            Item(contacts: [Made(ContactChannel.EntrustedVisit, "DIST-SHENZHEN")]),
            Item(contacts: [Made(ContactChannel.Video)]),
            Item(contacts: [new(ContactChannel.Meeting, null, false, ContactOutcome.Unreachable)]),
            Item(contacts: [new(ContactChannel.EntrustedVisit, "DIST-GUANGZHOU", true, null)]),
        };

        var figures = YearFigures.Of(items, Now);

        Assert.Equal(new Ratio(2, 3), figures.FaceToFace);
        Assert.Equal(1, figures.ContactsByChannel[ContactChannel.Phone]);
        Assert.Equal(0, figures.ContactsByChannel[ContactChannel.Meeting]);
        Assert.Equal(1, figures.EntrustedItems);
        Assert.Equal(1, figures.EntrustedByDistrict["DIST-SHENZHEN"]);
        Assert.False(figures.EntrustedByDistrict.ContainsKey("DIST-GUANGZHOU"));
    }

    [Fact]
    public void Feedback_is_counted_in_the_first_round_and_after_re_handling_apart()
    {
        var items = new[]
        {
            Item(feedback: [new(1, SatisfactionLevel.Dissatisfied, SatisfactionLevel.BasicallySatisfied), new(2, SatisfactionLevel.Satisfied, SatisfactionLevel.Satisfied)],
                reopenings: [new(2, Now.AddDays(20))]),
            Item(feedback: [new(1, SatisfactionLevel.BasicallySatisfied, SatisfactionLevel.Satisfied)]),
        };

        var figures = YearFigures.Of(items, Now);

        Assert.Equal(new Levels(0, 1, 1), figures.FirstRoundOnResult);
        Assert.Equal(new Levels(1, 1, 0), figures.FirstRoundOnAttitude);
        Assert.Equal(new Levels(1, 0, 0), figures.AfterReHandlingOnResult);
        Assert.Equal(new Ratio(1, 2), figures.Satisfaction);
        Assert.Equal(1, figures.ReHandled);
    }

    [Fact]
    public void The_previous_years_session_is_the_meeting_before_or_the_previous_terms()
    {
        Assert.Equal(new StatisticsFilter(2023, Term: 14, Meeting: 1), new StatisticsFilter(2024, Term: 14, Meeting: 2).PreviousYear());
        Assert.Equal(new StatisticsFilter(2022, Term: 13), new StatisticsFilter(2023, Term: 14, Meeting: 1).PreviousYear());
        Assert.Equal(new StatisticsFilter(2019, ProposalKind.Proposal, Unit: "HQ-FTZ"), new StatisticsFilter(2020, ProposalKind.Proposal, Unit: "HQ-FTZ").PreviousYear());
    }

    [Fact]
    public void An_items_status_is_the_furthest_its_open_round_has_come()
    {
        Assert.Equal("Registered", ItemStatus.Of(Item(unit: null)));
        Assert.Equal("Assigned", ItemStatus.Of(Item()));
        Assert.Equal("Replied", ItemStatus.Of(Item(replies: [new(1, ResultClass.A, Now)])));
        Assert.Equal("Dissatisfied", ItemStatus.Of(Item(feedback: [new(1, SatisfactionLevel.Dissatisfied, SatisfactionLevel.Satisfied)])));
        Assert.Equal("ReHandling", ItemStatus.Of(Item(replies: [new(1, ResultClass.A, Now)], reopenings: [new(2, Now.AddMonths(1))])));
        Assert.Equal("Returned", ItemStatus.Of(Item(returned: true, replies: [new(1, ResultClass.A, Now)])));
    }
}
