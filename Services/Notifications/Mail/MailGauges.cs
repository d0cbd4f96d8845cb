using Npgsql;
using ProposalPlatform.Infrastructure.Telemetry;

namespace ProposalPlatform.Notifications.Mail;

/// <summary>
/// How far the mail lags: the digests the mail server has not taken yet and the age of the oldest, read
/// by one query over their partial index at most every <see cref="PlatformMeter.GaugeMaxAge"/>.
/// </summary>
public sealed class MailGauges
{
    public const string UnsentName = "proposalplatform.mail.unsent_digests";
    public const string OldestAgeName = "proposalplatform.mail.oldest_unsent_age";

    public const string Query =
        """
        SELECT count(*) AS Unsent,
               COALESCE(EXTRACT(EPOCH FROM now() - (
                   SELECT created_at FROM digests WHERE sent_at IS NULL ORDER BY id LIMIT 1)), 0)::double precision AS OldestAgeSeconds
        FROM digests
        WHERE sent_at IS NULL
        """;

    public MailGauges(PlatformMeter meter, NpgsqlDataSource dataSource)
    {
        var lag = meter.QueryReading<Lag>("the mail's lag", dataSource, Query);
        meter.Meter.CreateObservableGauge(UnsentName, () => lag.Measure(l => l.Unsent), "{digest}",
            "Units' daily digests composed and not yet taken by the mail server.");
        meter.Meter.CreateObservableGauge(OldestAgeName, () => lag.Measure(l => l.OldestAgeSeconds), "s",
            "Age of the oldest digest the mail server has not taken yet (0 when none is waiting).");
    }

    public sealed record Lag(long Unsent, double OldestAgeSeconds);
}
