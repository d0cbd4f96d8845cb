using Npgsql;
using ProposalPlatform.Infrastructure.Telemetry;

namespace ProposalPlatform.ContactScheduling.Scheduling;

/// <summary>
/// The items that still owe their submitter a contact before the reply, and the contacts planned and
/// not yet held, read by one query at most every <see cref="PlatformMeter.GaugeMaxAge"/>.
/// </summary>
public sealed class ContactGauges
{
    public const string PendingName = "proposalplatform.contacts.pending";
    public const string PlannedName = "proposalplatform.contacts.planned";

    /// <summary>The planned contacts come from their partial index; the open tasks from a small table, one row per assigned item.</summary>
    public const string Query =
        """
        SELECT (SELECT count(*) FROM contact_tasks WHERE completed_at IS NULL) AS Pending,
               (SELECT count(*) FROM contacts WHERE status = 'Planned') AS Planned
        """;

    public ContactGauges(PlatformMeter meter, NpgsqlDataSource dataSource)
    {
        var contacts = meter.QueryReading<Contacts>("the pending contacts", dataSource, Query);
        meter.Meter.CreateObservableGauge(PendingName, () => contacts.Measure(c => c.Pending), "{item}",
            "Assigned items whose submitter has not yet been contacted, as the reply requires.");
        meter.Meter.CreateObservableGauge(PlannedName, () => contacts.Measure(c => c.Planned), "{contact}",
            "Contacts planned with submitters and not yet held or cancelled.");
    }

    public sealed record Contacts(long Pending, long Planned);
}
