using Dapper;
using Npgsql;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Notifications.Domain;

namespace ProposalPlatform.Notifications.Data;

/// <summary>
/// The digests: composed from a unit's unmailed notices in one transaction that marks them, then kept
/// until the mail server takes them (the outbox of the mail).
/// </summary>
public static class DigestStore
{
    /// <summary>
    /// The notices no digest carries yet, of units with someone to mail them to, whose item's number is
    /// known here or has been waited for since <paramref name="waitedSince"/>.
    /// </summary>
    public static async Task<IReadOnlyList<Notice>> UnmailedAsync(NpgsqlConnection connection, DateTimeOffset waitedSince, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<NoticeRow>(new CommandDefinition(
            $"""
            SELECT {NoticeRow.Columns}
            FROM notices n LEFT JOIN items i ON i.proposal_id = n.proposal_id
            WHERE n.digest_id IS NULL
              AND (i.proposal_id IS NOT NULL OR n.recorded_at <= @waitedSince)
              AND EXISTS (SELECT 1 FROM people p WHERE p.unit_code = n.unit_code AND {PeopleStore.IsRecipient})
            """,
            new { waitedSince }, cancellationToken: cancellationToken))).Select(row => row.ToNotice()).ToList();

    /// <summary>The units that have had their digest of <paramref name="day"/>.</summary>
    public static async Task<IReadOnlySet<string>> UnitsMailedOnAsync(NpgsqlConnection connection, DateOnly day, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT unit_code FROM digests WHERE day = @day", new { day = day.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken)))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The unit's name as assignment gave it, or its code while none has come.</summary>
    public static async Task<string> UnitNameAsync(UnitOfWork work, string code, CancellationToken cancellationToken) =>
        await work.Connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT name FROM units WHERE code = @code", new { code }, work.Transaction, cancellationToken: cancellationToken)) ?? code;

    /// <summary>The addresses the unit's digest goes to.</summary>
    public static async Task<string[]> RecipientsAsync(UnitOfWork work, string unitCode, CancellationToken cancellationToken) =>
        [.. await work.Connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT DISTINCT p.email FROM people p WHERE p.unit_code = @unitCode AND {PeopleStore.IsRecipient} ORDER BY p.email",
            new { unitCode }, work.Transaction, cancellationToken: cancellationToken))];

    /// <summary>
    /// Writes the digest and marks its notices as carried, in <paramref name="work"/>; false when the
    /// unit's digest of the day exists already (another instance wrote it), and then nothing is written.
    /// </summary>
    public static async Task<bool> AddAsync(
        UnitOfWork work, PlannedDigest digest, string[] recipients, DigestMail mail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = await work.Connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            INSERT INTO digests (unit_code, day, recipients, subject, body, created_at)
            VALUES (@UnitCode, @day, @recipients, @Subject, @Body, @now)
            ON CONFLICT (unit_code, day) DO NOTHING
            RETURNING id
            """,
            new { digest.UnitCode, day = digest.Day.ToDateTime(TimeOnly.MinValue), recipients, mail.Subject, mail.Body, now },
            work.Transaction, cancellationToken: cancellationToken));
        if (id is null)
        {
            return false;
        }

        await work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notices SET digest_id = @id WHERE id = ANY(@ids) AND digest_id IS NULL",
            new { id, ids = digest.Notices.Select(n => n.Id).ToArray() }, work.Transaction, cancellationToken: cancellationToken));
        return true;
    }

    /// <summary>Up to <paramref name="limit"/> digests not yet taken by the mail server whose wait is over, locked for this transaction.</summary>
    public static async Task<IReadOnlyList<PendingDigest>> DueAsync(UnitOfWork work, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        (await work.Connection.QueryAsync<PendingDigest>(new CommandDefinition(
            """
            SELECT id AS Id, recipients AS Recipients, subject AS Subject, body AS Body, created_at AS CreatedAt,
                   attempts AS Attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError
            FROM digests
            WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
            ORDER BY id
            LIMIT @limit
            FOR UPDATE SKIP LOCKED
            """,
            new { now, limit }, work.Transaction, cancellationToken: cancellationToken))).AsList();

    public static Task MarkSentAsync(UnitOfWork work, long id, DateTimeOffset at, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE digests SET sent_at = @at, last_error = NULL WHERE id = @id",
            new { id, at }, work.Transaction, cancellationToken: cancellationToken));

    public static Task MarkFailedAsync(UnitOfWork work, long id, MailAttempts attempts, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE digests SET attempts = @Attempts, next_attempt_at = @NextAttemptAt, last_error = @LastError WHERE id = @id",
            new { id, attempts.Attempts, attempts.NextAttemptAt, attempts.LastError }, work.Transaction, cancellationToken: cancellationToken));
}

/// <summary>A digest waiting for the mail server.</summary>
public sealed class PendingDigest
{
    public long Id { get; set; }
    public string[] Recipients { get; set; } = [];
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    public MailAttempts State => new(Attempts, NextAttemptAt, LastError);
}
