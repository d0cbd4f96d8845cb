using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Data;

public enum BatchStatus
{
    /// <summary>Being taken in, or interrupted and waiting for intake to take it up again from its copy.</summary>
    Processing = 1,
    Completed = 2,

    /// <summary>Stopped part-way for good: what was stored is kept, and the same batch posted again goes on after it.</summary>
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
        failure_reason AS FailureReason, failed_at AS FailedAt, upload_parts AS UploadParts, upload_encoding AS UploadEncoding, upload_compression AS UploadCompression,
        submitted_by_id AS SubmittedById, submitted_by_name AS SubmittedByName, submitted_by_unit AS SubmittedByUnit,
        submitted_by_roles AS SubmittedByRoles, attempts AS Attempts, started_at AS StartedAt, resumed_at AS ResumedAt,
        interrupted_at AS InterruptedAt, interruption_reason AS InterruptionReason
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

    /// <summary>
    /// Keeps the upload's body until the batch ends, compressed (<see cref="BatchUploadCompression"/>) and
    /// sealed in parts (<see cref="BatchUploadSeal"/>), with who posted it, in one transaction: a batch has
    /// its whole copy or none.
    /// </summary>
    public async Task SaveUploadAsync(
        Guid batchId, Stream body, string? encoding, Caller caller, BatchUploadSeal seal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM intake_batch_uploads WHERE batch_id = @batchId", new { batchId }, work.Transaction, cancellationToken: cancellationToken));
        var parts = await BatchUploadCompression.CompressToPartsAsync(body, BatchResume.PartSize, (part, content) => work.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO intake_batch_uploads (batch_id, part, content) VALUES (@batchId, @part, @content)",
            new { batchId, part, content = seal.Seal(batchId, part, content.Span) }, work.Transaction, cancellationToken: cancellationToken)), cancellationToken);

        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE intake_batches
            SET upload_parts = @parts, upload_encoding = @encoding, upload_compression = @compression, submitted_by_id = @Id, submitted_by_name = @Name,
                submitted_by_unit = @UnitCode, submitted_by_roles = @Roles, updated_at = @now
            WHERE id = @batchId
            """,
            new
            {
                batchId, parts, encoding, compression = BatchUploadCompression.Brotli, caller.Id, caller.Name, caller.UnitCode,
                Roles = string.Join(',', caller.Roles.Order(StringComparer.Ordinal)), now,
            },
            work.Transaction, cancellationToken: cancellationToken));
        await work.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The saved copy of a batch's upload, opened (and decompressed), written to <paramref name="into"/>; false
    /// when a part is missing or the parts are not a whole copy.
    /// </summary>
    public async Task<bool> ReadUploadAsync(BatchRecord batch, BatchUploadSeal seal, Stream into, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var decompressor = batch.UploadCompression == BatchUploadCompression.Brotli ? new BatchUploadCompression.Decompressor(into) : null;
        for (var part = 0; part < batch.UploadParts; part++)
        {
            var content = await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(
                "SELECT content FROM intake_batch_uploads WHERE batch_id = @Id AND part = @part", new { batch.Id, part }, cancellationToken: cancellationToken));
            if (content is null)
            {
                return false;
            }

            var opened = seal.Open(batch.Id, part, content);
            if (decompressor is null)
            {
                await into.WriteAsync(opened, cancellationToken);
            }
            else if (!await decompressor.WriteAsync(opened, cancellationToken))
            {
                return false;
            }
        }

        return decompressor?.Finished ?? true;
    }

    /// <summary>
    /// Marks the batch, held by the caller, as taken in (again) by a new attempt: a failed one posted again
    /// starts its count of attempts anew. An attempt that finds it in processing records the interruption
    /// before it as a crash when the attempt it follows left no word of its own; one that resumes it says when.
    /// </summary>
    public async Task<BatchRecord?> BeginAttemptAsync(Guid batchId, bool resuming, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<BatchRecord>(new CommandDefinition(
            $"""
            UPDATE intake_batches
            SET attempts = CASE WHEN status = @Failed THEN 1 ELSE attempts + 1 END,
                interrupted_at = CASE WHEN status = @Processing AND attempts > 0 AND (interrupted_at IS NULL OR interrupted_at < started_at) THEN updated_at ELSE interrupted_at END,
                interruption_reason = CASE WHEN status = @Processing AND attempts > 0 AND (interrupted_at IS NULL OR interrupted_at < started_at) THEN @crash ELSE interruption_reason END,
                resumed_at = CASE WHEN @resuming THEN @now ELSE resumed_at END,
                status = @Processing, failure_reason = NULL, failed_at = NULL, started_at = @now, updated_at = @now
            WHERE id = @batchId AND status <> @Completed
            RETURNING {BatchColumns}
            """,
            new
            {
                batchId, resuming, now, crash = BatchResume.CrashReason,
                Processing = (short)BatchStatus.Processing, Completed = (short)BatchStatus.Completed, Failed = (short)BatchStatus.Failed,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records why attempt number <paramref name="attempt"/> on a batch in processing stopped; the batch stays in
    /// processing, for intake to take up again. Null when a later attempt has taken it up meanwhile.
    /// </summary>
    public async Task<BatchRecord?> InterruptAsync(Guid batchId, int attempt, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<BatchRecord>(new CommandDefinition(
            $"""
            UPDATE intake_batches SET interrupted_at = @now, interruption_reason = @reason, updated_at = @now
            WHERE id = @batchId AND status = @Processing AND attempts = @attempt
            RETURNING {BatchColumns}
            """,
            new { batchId, attempt, reason, now, Processing = (short)BatchStatus.Processing },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Marks a batch in processing failed, with why, and drops its saved copy; what its chunks stored stays.
    /// Given <paramref name="attempt"/>, only while no later attempt has taken it up.
    /// </summary>
    public async Task<BatchRecord?> FailAsync(Guid batchId, string reason, DateTimeOffset now, CancellationToken cancellationToken, int? attempt = null)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        var failed = await work.Connection.QuerySingleOrDefaultAsync<BatchRecord>(new CommandDefinition(
            $"""
            UPDATE intake_batches SET status = @Failed, failure_reason = @reason, failed_at = @now, updated_at = @now, upload_parts = NULL
            WHERE id = @batchId AND status = @Processing AND (@attempt::integer IS NULL OR attempts = @attempt)
            RETURNING {BatchColumns}
            """,
            new { batchId, reason, now, attempt, Failed = (short)BatchStatus.Failed, Processing = (short)BatchStatus.Processing },
            work.Transaction, cancellationToken: cancellationToken));
        if (failed is not null)
        {
            await DropUploadAsync(work, batchId, cancellationToken);
        }

        await work.CommitAsync(cancellationToken);
        return failed;
    }

    private static Task DropUploadAsync(UnitOfWork work, Guid batchId, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM intake_batch_uploads WHERE batch_id = @batchId", new { batchId }, work.Transaction, cancellationToken: cancellationToken));

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
    /// batch keeps fewer than <see cref="MaxErrorsKept"/>, the count of the others. The chunk follows
    /// <paramref name="fromLine"/>: when the batch is no longer in processing at that line (another
    /// attempt took it over), nothing is recorded and <see cref="BatchTakenOverException"/> is thrown, so
    /// that the chunk's transaction, its items with it, is rolled back.
    /// </summary>
    public static async Task RecordChunkAsync(
        UnitOfWork work, Guid batchId, int fromLine, int throughLine, int rows, int accepted, int alreadyKnown, IReadOnlyList<RowError> errors,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rejectedRows = errors.Select(e => e.Line).Distinct().Count();
        var kept = errors.Count == 0 ? 0 : Math.Min(errors.Count, Math.Max(0, MaxErrorsKept - await work.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM intake_batch_errors WHERE batch_id = @batchId", new { batchId }, work.Transaction, cancellationToken: cancellationToken))));
        var recorded = await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE intake_batches
            SET processed_through_line = @throughLine, rows_processed = rows_processed + @rows, accepted = accepted + @accepted,
                already_known = already_known + @alreadyKnown, rejected = rejected + @rejectedRows,
                errors_not_kept = errors_not_kept + @notKept, updated_at = @now
            WHERE id = @batchId AND status = @Processing AND processed_through_line = @fromLine
            """,
            new { batchId, fromLine, throughLine, rows, accepted, alreadyKnown, rejectedRows, notKept = errors.Count - kept, now, Processing = (short)BatchStatus.Processing },
            work.Transaction, cancellationToken: cancellationToken));
        if (recorded == 0)
        {
            throw new BatchTakenOverException(batchId, fromLine);
        }

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

    /// <summary>Marks the batch completed and drops its saved copy.</summary>
    public async Task CompleteAsync(Guid batchId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE intake_batches SET status = @Status, completed_at = @now, updated_at = @now, upload_parts = NULL WHERE id = @batchId",
            new { batchId, now, Status = (short)BatchStatus.Completed }, work.Transaction, cancellationToken: cancellationToken));
        await DropUploadAsync(work, batchId, cancellationToken);
        await work.CommitAsync(cancellationToken);
    }

    public async Task<BatchRecord?> FindAsync(string reference, string contentHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<BatchRecord>(new CommandDefinition(
            SelectBatch + " WHERE reference = @reference AND content_hash = @contentHash", new { reference, contentHash }, cancellationToken: cancellationToken));
    }

    /// <summary>The latest batch of this content, whatever its reference.</summary>
    public async Task<BatchRecord?> FindByContentAsync(string contentHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<BatchRecord>(new CommandDefinition(
            SelectBatch + " WHERE content_hash = @contentHash ORDER BY received_at DESC LIMIT 1", new { contentHash }, cancellationToken: cancellationToken));
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
        catch (NpgsqlException)
        {
            // the connection broke (the server went away): the server let go of its session's lock with it
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
    DateTimeOffset? FailedAt,
    int? UploadParts,
    string? UploadEncoding,
    string? UploadCompression,
    string? SubmittedById,
    string? SubmittedByName,
    string? SubmittedByUnit,
    string? SubmittedByRoles,
    int Attempts,
    DateTimeOffset? StartedAt,
    DateTimeOffset? ResumedAt,
    DateTimeOffset? InterruptedAt,
    string? InterruptionReason)
{
    /// <summary>The roles of who posted it.</summary>
    public IReadOnlyList<string> SubmitterRoles => SubmittedByRoles?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>Whether a whole copy of its upload is kept, to finish it from.</summary>
    public bool HasCopy => UploadParts is not null;

    /// <summary>Intake takes it in to its end by itself (in processing, its copy kept), or did (its last attempt was intake's own).</summary>
    public bool FinishedByIntake =>
        Status == (short)BatchStatus.Processing ? HasCopy : Status == (short)BatchStatus.Completed && ResumedAt is not null && ResumedAt >= StartedAt;
}

/// <summary>An attempt found its batch no longer where it had taken it up: another attempt took it over, and this one stops.</summary>
public sealed class BatchTakenOverException(Guid batchId, int line)
    : Exception($"Batch {batchId} is no longer in processing after line {line}: another attempt took it over.");
