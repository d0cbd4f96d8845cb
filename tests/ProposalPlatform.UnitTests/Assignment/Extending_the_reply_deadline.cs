using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.UnitTests.Assignment;

public class Extending_the_reply_deadline
{
    private static readonly DateTimeOffset _assignedAt = new(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset _due = Deadlines.ReplyDue(_assignedAt);

    [Fact]
    public void Moves_the_due_date_by_the_months_asked()
    {
        var (newDue, errors) = DeadlineExtensions.Decide(_assignedAt, _due, null, 2, "需赴实地调研", "王主任");

        Assert.Empty(errors);
        Assert.Equal(new DateTimeOffset(2026, 8, 20, 23, 59, 59, TimeSpan.FromHours(8)), newDue);
    }

    [Fact]
    public void Allows_exactly_six_months_after_assignment()
    {
        var (newDue, errors) = DeadlineExtensions.Decide(_assignedAt, _due, _assignedAt.AddMonths(6), null, "涉及多部门协调", "王主任");

        Assert.Empty(errors);
        Assert.Equal(new DateTimeOffset(2026, 9, 20, 23, 59, 59, TimeSpan.FromHours(8)), newDue);
    }

    [Fact]
    public void Is_refused_beyond_six_months_after_assignment()
    {
        var (newDue, errors) = DeadlineExtensions.Decide(_assignedAt, _due, null, 4, "涉及多部门协调", "王主任");

        Assert.Null(newDue);
        Assert.Equal(["months"], errors.Keys);
        Assert.Contains("2026-09-20", errors["months"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_six_months_from_a_month_end_to_the_last_day_of_a_shorter_month()
    {
        var assignedAt = new DateTimeOffset(2027, 8, 31, 10, 0, 0, TimeSpan.FromHours(8));

        var (newDue, errors) = DeadlineExtensions.Decide(assignedAt, Deadlines.ReplyDue(assignedAt), null, 3, "理由", "王主任");

        Assert.Empty(errors);
        Assert.Equal(new DateTimeOffset(2028, 2, 29, 23, 59, 59, TimeSpan.FromHours(8)), newDue);
        Assert.Equal(newDue, Deadlines.LatestExtendedDue(assignedAt));
    }

    [Fact]
    public void Needs_a_reason_and_an_approver()
    {
        var (newDue, errors) = DeadlineExtensions.Decide(_assignedAt, _due, null, 1, " ", null);

        Assert.Null(newDue);
        Assert.Equal(["approvedBy", "reason"], errors.Keys.Order());
    }

    [Fact]
    public void Must_move_the_deadline_later()
    {
        var (newDue, errors) = DeadlineExtensions.Decide(_assignedAt, _due, _due.AddDays(-1), null, "理由", "王主任");

        Assert.Null(newDue);
        Assert.Equal(["newDueAt"], errors.Keys);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Needs_either_a_date_or_months_but_not_both(bool giveDate, bool giveMonths)
    {
        var (newDue, errors) = DeadlineExtensions.Decide(
            _assignedAt, _due, giveDate ? _due.AddDays(10) : null, giveMonths ? 1 : null, "理由", "王主任");

        Assert.Null(newDue);
        Assert.Equal(["newDueAt"], errors.Keys);
    }
}

/// <summary>Past three months an extension rests on the lead unit's explanation of the progress to the submitter, recorded before.</summary>
public class Explaining_the_progress_before_an_extension
{
    private static readonly DateTimeOffset _assignedAt = new(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly _assignedOn = new(2026, 3, 20);
    private static readonly DateOnly _today = new(2026, 6, 10);

    [Fact]
    public void An_extension_past_three_months_needs_the_progress_explained()
    {
        Assert.True(DeadlineExtensions.NeedsProgressExplanation(_assignedAt, Deadlines.ReplyDue(_assignedAt).AddDays(1)));
        Assert.False(DeadlineExtensions.NeedsProgressExplanation(_assignedAt, Deadlines.ReplyDue(_assignedAt)));
    }

    [Fact]
    public void A_co_handlers_extension_inside_three_months_needs_none()
    {
        var opinionDue = Deadlines.CoHandlingOpinionDue(_assignedAt);

        var (newDue, errors) = DeadlineExtensions.Decide(_assignedAt, opinionDue, null, 1, "需补充材料", "王主任");

        Assert.Empty(errors);
        Assert.False(DeadlineExtensions.NeedsProgressExplanation(_assignedAt, newDue!.Value));
    }

    [Fact]
    public void The_refusal_names_the_three_month_day_and_the_round()
    {
        var detail = DeadlineExtensions.UnexplainedDetail(Guid.Empty, _assignedAt, 1);

        Assert.Contains("due after 2026-06-20", detail, StringComparison.Ordinal);
        Assert.Contains("in round 1", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explanation_has_a_channel_a_day_and_what_was_said()
    {
        var errors = ProposalPlatform.Assignment.Application.RecordProgressExplanationHandler.Validate(
            new ProposalPlatform.Assignment.Apis.ProgressExplanationRequest("Letter", _today, "已函告代表：正在会同商务部研究，预计9月底前答复。"), _assignedOn, _today);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(null, "2026-06-01", "说明", "channel")]
    [InlineData("Pigeon", "2026-06-01", "说明", "channel")]
    [InlineData("Phone", null, "说明", "explainedOn")]
    [InlineData("Phone", "2026-06-11", "说明", "explainedOn")]
    [InlineData("Phone", "2026-03-19", "说明", "explainedOn")]
    [InlineData("Phone", "2026-06-01", " ", "account")]
    public void Each_bad_field_of_an_explanation_is_named(string? channel, string? day, string account, string field)
    {
        var explainedOn = day is null ? (DateOnly?)null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        var errors = ProposalPlatform.Assignment.Application.RecordProgressExplanationHandler.Validate(
            new ProposalPlatform.Assignment.Apis.ProgressExplanationRequest(channel, explainedOn, account), _assignedOn, _today);

        Assert.Equal([field], errors.Keys);
    }
}
