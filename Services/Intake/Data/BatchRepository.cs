using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Data;

public enum BatchStatus
{
    Processing = 1,
    Completed = 2,

    /// <summary>Stopped part-way: what was stored is kept, and the same batch posted again goes on after it.</summary>
    Failed = 3,
}

public sealed class BatchRepository(PlatformDatabase database)
{
    private const string BatchColumns =
        """
        id AS Id, reference AS Reference, content_hash AS ContentHash, format AS Format, assigned_at AS AssignedAt,
        status AS Status, received_at AS ReceivedAt, updated_at AS UpdatedAt, completed_at AS CompletedAt,
        processed_through_line AS ProcessedThroughLine, rows_processed AS RowsProcessed, accepted AS Accepted,
        already_known AS AlreadyKnown, rejected AS Rejected, errors_not_kept AS ErrorsNotKept,
        failure_reason AS FailureReason, failed_at AS FailedAt
        """;

    private const string SelectBatch = "SELECT " + BatchColumns + " FROM intake_batches";

    /// <summary>The batch with this reference and content, created (as processing) when it is new.</summary>
    public async Task<(BatchRecord Batch, bool Created)> FindOrCreateAsync(
        Guid id, string reference, string contentHash, string format, DateTimeOffset? assignedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO intake_batches (id, reference, content_hash, format, assigned_at, status, received_at, updated_at)
            VALUES (@id, @reference, @contentHash, @format, @AssignedAt, @Status, @now, @now)
            ON CONFLICT (reference, content_hash) DO NOTHING
            """,
            new { id, reference, contentHash, format, AssignedAt = assignedAt?.UtcDateTime, Status = (short)BatchStatus.Processing, now },
            cancellationToken: cancellationToken));
        var batch = await connection.QuerySingleAsync<BatchRecord>(new CommandDefinition(
            SelectBatch + " WHERE reference = @reference AND content_hash = @contentHash",
            new { reference, contentHash }, cancellationToken: cancellationToken));
        return (batch, inserted == 1);
    }

    /// <summary>
    /// Holds the batch of this reference and content for this upload alone (a session lock, released
    /// when the returned hold is disposed or the process dies); null when another upload of it is
    /// running. A batch in processing whose lock is free has no upload working on it.
    /// </summary>
    public async Task<BatchLock?> TryLockAsync(string reference, string contentHash, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        var key = LockKey(reference, contentHash);
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@key)", new { key }, cancellationToken: cancellationToken)))
        {
            return new BatchLock(connection, key);
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>The advisory lock key of a batch: its reference and content, known before its row exists.</summary>
    public static long LockKey(string reference, string contentHash) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{reference}\n{contentHash}")), 0);

    /// <summary>Marks a batch that this upload holds as being taken in (again): a failed one resumes.</summary>
    public async Task StartAsync(Guid batchId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE intake_batches SET status = @Processing, failure_reason = NULL, failed_at = NULL, updated_at = @now
            WHERE id = @batchId AND status <> @Completed
            """,
            new { batchId, now, Processing = (short)BatchStatus.Processing, Completed = (short)BatchStatus.Completed },
            cancellationToken: cancellationToken));
    }

    /// <summary>Marks a batch in processing failed, with why; what its chunks stored stays.</summary>
    public async Task<BatchRecord?> FailAsync(Guid batchId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<BatchRecord>(new CommandDefinition(
            $"""
            UPDATE intake_batches SET status = @Failed, failure_reason = @reason, failed_at = @now, updated_at = @now
            WHERE id = @batchId AND status = @Processing
            RETURNING {BatchColumns}
            """,
            new { batchId, reason, now, Failed = (short)BatchStatus.Failed, Processing = (short)BatchStatus.Processing },
            cancellationToken: cancellationToken));
    }

    /// <summary>The batches marked as being taken in: each either has an upload working on it (its lock is held) or was abandoned.</summary>
    public async Task<IReadOnlyList<BatchRecord>> ProcessingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<BatchRecord>(new CommandDefinition(
            SelectBatch + " WHERE status = @Processing", new { Processing = (short)BatchStatus.Processing }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>How many row errors a batch keeps; the rest are only counted.</summary>
    public const int MaxErrorsKept = 1_000;

    /// <summary>
    /// Records a committed chunk's counts and errors in the chunk's own transaction: the errors while the
    /// batch keeps fewer than <see cref="MaxErrorsKept"/>, the count of the others.
    /// </summary>
    public static async Task RecordChunkAsync(
        UnitOfWork work, Guid batchId, int throughLine, int rows, int accepted, int alreadyKnown, IReadOnlyList<RowError> errors,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rejectedRows = errors.Select(e => e.Line).Distinct().Count();
        var kept = errors.Count == 0 ? 0 : Math.Min(errors.Count, Math.Max(0, MaxErrorsKept - await work.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM intake_batch_errors WHERE batch_id = @batchId", new { batchId }, work.Transaction, cancellationToken: cancellationToken))));
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE intake_batches
            SET processed_through_line = @throughLine, rows_processed = rows_processed + @rows, accepted = accepted + @accepted,
                already_known = already_known + @alreadyKnown, rejected = rejected + @rejectedRows,
                errors_not_kept = errors_not_kept + @notKept, updated_at = @now
            WHERE id = @batchId
            """,
            new { batchId, throughLine, rows, accepted, alreadyKnown, rejectedRows, notKept = errors.Count - kept, now },
            work.Transaction, cancellationToken: cancellationToken));
        if (kept > 0)
        {
            var keeping = errors.Take(kept).ToList();
            await work.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO intake_batch_errors (batch_id, line, field, message)
                SELECT @batchId, line, field, message FROM unnest(@Lines, @Fields, @Messages) AS e(line, field, message)
                ON CONFLICT DO NOTHING
                """,
                new
                {
                    batchId,
                    Lines = keeping.Select(e => e.Line).ToArray(),
                    Fields = keeping.Select(e => e.Field).ToArray(),
                    Messages = keeping.Select(e => e.Message).ToArray(),
                },
                work.Transaction, cancellationToken: cancellationToken));
        }
    }

    public async Task CompleteAsync(Guid batchId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE intake_batches SET status = @Status, completed_at = @now, updated_at = @now WHERE id = @batchId",
            new { batchId, now, Status = (short)BatchStatus.Completed }, cancellationToken: cancellationToken));
    }

    public async Task<BatchRecord?> FindAsync(string reference, string contentHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<BatchRecord>(new CommandDefinition(
            SelectBatch + " WHERE reference = @reference AND content_hash = @contentHash", new { reference, contentHash }, cancellationToken: cancellationToken));
    }

    public async Task<BatchRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<BatchRecord>(new CommandDefinition(
            SelectBatch + " WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<RowError>> ErrorsAsync(Guid id, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RowError>(new CommandDefinition(
            """
            SELECT line AS Line, field AS Field, message AS Message
            FROM intake_batch_errors WHERE batch_id = @id ORDER BY line, field LIMIT @limit
            """,
            new { id, limit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}

/// <summary>An upload's hold on its batch; disposing it lets the next upload of the batch in.</summary>
public sealed class BatchLock(NpgsqlConnection connection, long key) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        try
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key });
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}

public sealed record BatchRecord(
    Guid Id,
    string Reference,
    string ContentHash,
    string Format,
    DateTimeOffset? AssignedAt,
    short Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    int ProcessedThroughLine,
    int RowsProcessed,
    int Accepted,
    int AlreadyKnown,
    int Rejected,
    int ErrorsNotKept,
    string? FailureReason,
    DateTimeOffset? FailedAt);
