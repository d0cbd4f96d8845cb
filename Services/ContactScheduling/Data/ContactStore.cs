using Dapper;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Data;

/// <summary>The contacts themselves: planned, done or cancelled, with the history of every change.</summary>
public static class ContactStore
{
    public const string SelectContact =
        """
        SELECT id AS Id, proposal_id AS ProposalId, status AS Status, round AS Round, channel AS Channel,
               planned_start AS PlannedStart, planned_end AS PlannedEnd, occurred_at AS OccurredAt, outcome AS Outcome,
               handler AS Handler, submitter_name AS SubmitterName, with_lead_submitter AS WithLeadSubmitter,
               entrusted_unit_code AS EntrustedUnitCode, reported_by_unit_code AS ReportedByUnitCode,
               notes AS Notes, report AS Report, cancelled_reason AS CancelledReason, recorded_at AS RecordedAt
        FROM contacts
        """;

    /// <summary>Which item a contact belongs to (unlocked: the caller locks the task, then the contact).</summary>
    public static Task<Guid?> ProposalOfAsync(UnitOfWork work, Guid contactId, CancellationToken cancellationToken) =>
        work.Connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT proposal_id FROM contacts WHERE id = @contactId",
            new { contactId }, work.Transaction, cancellationToken: cancellationToken));

    public static Task<ContactRow?> LockAsync(UnitOfWork work, Guid contactId, CancellationToken cancellationToken) =>
        work.Connection.QuerySingleOrDefaultAsync<ContactRow?>(new CommandDefinition(
            SelectContact + " WHERE id = @contactId FOR UPDATE",
            new { contactId }, work.Transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Serialises every booking of the service for the rest of the transaction, so two bookings made at
    /// once cannot both miss the clash between them. Bookings are few (hundreds of items a year).
    /// Taken after the task's row lock, always in that order.
    /// </summary>
    public static Task LockBookingsAsync(UnitOfWork work, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtext('contactscheduling.bookings'))",
            transaction: work.Transaction, cancellationToken: cancellationToken));

    /// <summary>The planned contacts overlapping [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static async Task<IReadOnlyList<PlannedSlot>> PlannedBetweenAsync(
        UnitOfWork work, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var rows = await work.Connection.QueryAsync<ContactRow>(new CommandDefinition(
            SelectContact + " WHERE status = 'Planned' AND planned_start < @end AND planned_end > @start",
            new { start, end }, work.Transaction, cancellationToken: cancellationToken));
        return rows.Where(r => r.PlannedStart is not null && r.PlannedEnd is not null)
            .Select(r => new PlannedSlot(r.Id, r.ProposalId, r.Handler, r.SubmitterName ?? "", r.PlannedStart!.Value, r.PlannedEnd!.Value))
            .ToList();
    }

    public static Task InsertAsync(UnitOfWork work, ContactRow contact, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO contacts (id, proposal_id, status, round, channel, planned_start, planned_end, occurred_at, outcome,
                                  handler, submitter_name, with_lead_submitter, entrusted_unit_code, reported_by_unit_code,
                                  notes, report, recorded_at)
            VALUES (@Id, @ProposalId, @Status, @Round, @Channel, @PlannedStart, @PlannedEnd, @OccurredAt, @Outcome,
                    @Handler, @SubmitterName, @WithLeadSubmitter, @EntrustedUnitCode, @ReportedByUnitCode,
                    @Notes, @Report, @RecordedAt)
            """,
            contact, work.Transaction, cancellationToken: cancellationToken));

    /// <summary>Writes back what a change touched: time, handler, status, outcome, report, cancellation.</summary>
    public static Task UpdateAsync(UnitOfWork work, ContactRow contact, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE contacts SET status = @Status, round = @Round, planned_start = @PlannedStart, planned_end = @PlannedEnd,
                   occurred_at = @OccurredAt, outcome = @Outcome, handler = @Handler, reported_by_unit_code = @ReportedByUnitCode,
                   notes = @Notes, report = @Report, cancelled_reason = @CancelledReason
            WHERE id = @Id
            """,
            contact, work.Transaction, cancellationToken: cancellationToken));

    public static Task AddChangeAsync(UnitOfWork work, ContactChange change, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO contact_changes (contact_id, kind, by_whom, at, reason, old_start, old_end, new_start, new_end)
            VALUES (@ContactId, @Kind, @By, @At, @Reason, @OldStart, @OldEnd, @NewStart, @NewEnd)
            """,
            change, work.Transaction, cancellationToken: cancellationToken));

    /// <summary>The contacts <paramref name="where"/> selects, soonest first, without their histories (a calendar).</summary>
    public static async Task<IReadOnlyList<ContactRow>> WhereAsync(
        PlatformDatabase database, string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await WhereAsync(connection, where, parameters, cancellationToken);
    }

    private static async Task<IReadOnlyList<ContactRow>> WhereAsync(
        Npgsql.NpgsqlConnection connection, string where, object parameters, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ContactRow>(new CommandDefinition(
            SelectContact + " WHERE " + where + " ORDER BY COALESCE(planned_start, occurred_at), recorded_at",
            parameters, cancellationToken: cancellationToken))).AsList();

    /// <summary>The contacts with their histories, for one item or one contact or one district's entrusted visits.</summary>
    public static async Task<IReadOnlyList<(ContactRow Contact, IReadOnlyList<ContactChange> Changes)>> WithHistoryAsync(
        PlatformDatabase database, string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var contacts = await WhereAsync(connection, where, parameters, cancellationToken);
        if (contacts.Count == 0)
        {
            return [];
        }

        var changes = (await connection.QueryAsync<ContactChange>(new CommandDefinition(
            """
            SELECT contact_id AS ContactId, kind AS Kind, by_whom AS By, at AS At, reason AS Reason,
                   old_start AS OldStart, old_end AS OldEnd, new_start AS NewStart, new_end AS NewEnd
            FROM contact_changes WHERE contact_id = ANY(@ids) ORDER BY id
            """,
            new { ids = contacts.Select(c => c.Id).ToArray() }, cancellationToken: cancellationToken))).ToLookup(c => c.ContactId);
        return contacts.Select(c => (c, (IReadOnlyList<ContactChange>)changes[c.Id].ToList())).ToList();
    }

    /// <summary>The unit each item's contact task belongs to: the lead unit, which entrusts its visits.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> TaskUnitsAsync(
        PlatformDatabase database, IReadOnlyCollection<Guid> proposalIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var units = await connection.QueryAsync<(Guid ProposalId, string UnitCode)>(new CommandDefinition(
            "SELECT proposal_id, unit_code FROM contact_tasks WHERE proposal_id = ANY(@ids)",
            new { ids = proposalIds.ToArray() }, cancellationToken: cancellationToken));
        return units.ToDictionary(u => u.ProposalId, u => u.UnitCode);
    }
}

/// <summary>One row of <c>contacts</c>.</summary>
public sealed class ContactRow
{
    public Guid Id { get; set; }
    public Guid ProposalId { get; set; }
    public string Status { get; set; } = nameof(ContactStatus.Done);
    public int Round { get; set; } = 1;
    public short Channel { get; set; }
    public DateTimeOffset? PlannedStart { get; set; }
    public DateTimeOffset? PlannedEnd { get; set; }
    public DateTimeOffset? OccurredAt { get; set; }
    public short? Outcome { get; set; }
    public string? Handler { get; set; }
    public string? SubmitterName { get; set; }
    public bool WithLeadSubmitter { get; set; } = true;
    public string? EntrustedUnitCode { get; set; }
    public string? ReportedByUnitCode { get; set; }
    public string? Notes { get; set; }
    public string? Report { get; set; }
    public string? CancelledReason { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public ContactStatus State => Enum.Parse<ContactStatus>(Status);
}

/// <summary>One entry of a contact's history: planned, rescheduled, cancelled, outcome recorded, reported.</summary>
public sealed record ContactChange(
    Guid ContactId, string Kind, string By, DateTimeOffset At, string? Reason,
    DateTimeOffset? OldStart, DateTimeOffset? OldEnd, DateTimeOffset? NewStart, DateTimeOffset? NewEnd);
