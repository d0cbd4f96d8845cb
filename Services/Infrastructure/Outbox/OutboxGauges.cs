using Npgsql;
using ProposalPlatform.Infrastructure.Telemetry;

namespace ProposalPlatform.Infrastructure.Outbox;

/// <summary>
/// How far the service's outbox lags: the rows not yet sent and the age of the oldest, read together
/// by one query over the unsent rows' partial index at most every <see cref="PlatformMeter.GaugeMaxAge"/>.
/// </summary>
public sealed class OutboxGauges
{
    public const string UnsentName = "proposalplatform.outbox.unsent_messages";
    public const string OldestAgeName = "proposalplatform.outbox.oldest_unsent_age";

    /// <summary>One small query: the count uses the partial index of unsent rows, the oldest row its first entry.</summary>
    public const string Query =
        """
        SELECT count(*) AS Unsent,
               COALESCE(EXTRACT(EPOCH FROM now() - (
                   SELECT created_at FROM outbox_messages WHERE sent_at IS NULL ORDER BY id LIMIT 1)), 0)::double precision AS OldestAgeSeconds
        FROM outbox_messages
        WHERE sent_at IS NULL
        """;

    public OutboxGauges(PlatformMeter meter, NpgsqlDataSource dataSource)
        : this(meter, meter.QueryReading<Lag>("the outbox's lag", dataSource, Query))
    {
    }

    /// <summary>Reporting what <paramref name="lag"/> reads (tests feed it values).</summary>
    public OutboxGauges(PlatformMeter meter, CachedReading<Lag> lag)
    {
        meter.Meter.CreateObservableGauge(UnsentName, () => lag.Measure(l => l.Unsent), "{message}",
            "Messages in the service's outbox not yet published to the broker.");
        meter.Meter.CreateObservableGauge(OldestAgeName, () => lag.Measure(l => l.OldestAgeSeconds), "s",
            "Age of the oldest message in the service's outbox not yet published (0 when none is waiting).");
    }

    public sealed record Lag(long Unsent, double OldestAgeSeconds);
}
