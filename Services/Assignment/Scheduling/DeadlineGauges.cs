using Npgsql;
using ProposalPlatform.Infrastructure.Telemetry;

namespace ProposalPlatform.Assignment.Scheduling;

/// <summary>
/// The items whose reply is overdue and those due within the next 7 days (reply deadlines of items
/// still being handled, extensions included), read by one query over the open deadlines' partial
/// index at most every <see cref="PlatformMeter.GaugeMaxAge"/>. "Now" is the service's clock, as for
/// the deadline alerts.
/// </summary>
public sealed class DeadlineGauges
{
    public const string OverdueName = "proposalplatform.items.overdue";
    public const string DueSoonName = "proposalplatform.items.due_within_7_days";

    public const string Query =
        """
        SELECT count(*) FILTER (WHERE due_at < @now) AS Overdue,
               count(*) FILTER (WHERE due_at >= @now AND due_at < @now + interval '7 days') AS DueSoon
        FROM assignments
        WHERE status = 'Assigned' AND replied_at IS NULL
        """;

    public DeadlineGauges(PlatformMeter meter, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var deadlines = meter.QueryReading<Deadlines>("the open deadlines", dataSource, Query, () => new { now = clock.GetUtcNow() });
        meter.Meter.CreateObservableGauge(OverdueName, () => deadlines.Measure(d => d.Overdue), "{item}",
            "Items being handled whose reply is past its due date.");
        meter.Meter.CreateObservableGauge(DueSoonName, () => deadlines.Measure(d => d.DueSoon), "{item}",
            "Items being handled whose reply is due within the next 7 days.");
    }

    public sealed record Deadlines(long Overdue, long DueSoon);
}
