using System.Runtime.CompilerServices;
using System.Data.Common;
using Dapper;
using Npgsql;
using ProposalPlatform.Audit.Domain;
using ProposalPlatform.Contracts.Audit;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Audit.Data;

/// <summary>What the office asks the store for: every filter optional, all of them together.</summary>
public sealed record AuditQuery(
    Guid? ItemId = null, string? Actor = null, string? Unit = null, string? Operation = null, string? Outcome = null,
    string? Service = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>The append-only, hash-chained store: appends in order, answers the office's questions, verifies the chain.</summary>
public sealed class AuditStore(PlatformDatabase database)
{
    private const string Columns =
        """
        seq, record_id, at, recorded_at, service, operation, outcome, status, actor_id, actor_name, actor_unit,
        actor_roles, resource, item_id, summary, trace_id, previous_hash, hash
        """;

    /// <summary>
    /// Appends the entries not already stored, each chained to the one before: the head is locked for the
    /// transaction, so appenders take their turns and the chain has one order. Returns how many were appended.
    /// </summary>
    public static async Task<int> AppendAsync(UnitOfWork work, IReadOnlyList<AuditRecorded> entries, CancellationToken cancellationToken)
    {
        var head = await work.Connection.QuerySingleAsync<(long Seq, byte[] Hash, DateTime Now)>(new CommandDefinition(
            "SELECT seq, hash, clock_timestamp() FROM audit_head FOR UPDATE", transaction: work.Transaction, cancellationToken: cancellationToken));
        var ids = entries.Select(e => e.RecordId).Distinct().ToArray();
        var known = (await work.Connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT record_id FROM audit_records WHERE record_id = ANY(@ids)", new { ids }, work.Transaction, cancellationToken: cancellationToken))).ToHashSet();

        var recordedAt = AuditChain.Stored(new DateTimeOffset(DateTime.SpecifyKind(head.Now, DateTimeKind.Utc)));
        var records = new List<AuditRecord>(entries.Count);
        var (seq, previous) = (head.Seq, head.Hash);
        foreach (var entry in entries)
        {
            if (!known.Add(entry.RecordId))
            {
                continue; // delivered twice, or twice in this batch
            }

            var unhashed = new AuditRecord(++seq, recordedAt, entry with { At = AuditChain.Stored(entry.At) }, previous, []);
            var record = unhashed with { Hash = AuditChain.HashOf(unhashed, previous) };
            records.Add(record);
            previous = record.Hash;
        }

        if (records.Count == 0)
        {
            return 0;
        }

        await work.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO audit_records ({Columns})
            SELECT seq, record_id, at, @RecordedAt, service, operation, outcome, status, actor_id, actor_name, actor_unit,
                   string_to_array(actor_roles, ','), resource, item_id, summary, trace_id, previous_hash, hash
            FROM unnest(@Seqs, @RecordIds, @Ats, @Services, @Operations, @Outcomes, @Statuses, @ActorIds, @ActorNames, @ActorUnits,
                        @ActorRoles, @Resources, @ItemIds, @Summaries, @TraceIds, @PreviousHashes, @Hashes)
                AS r(seq, record_id, at, service, operation, outcome, status, actor_id, actor_name, actor_unit,
                     actor_roles, resource, item_id, summary, trace_id, previous_hash, hash);
            UPDATE audit_head SET seq = @LastSeq, hash = @LastHash;
            """,
            new
            {
                RecordedAt = recordedAt,
                Seqs = records.Select(r => r.Seq).ToArray(),
                RecordIds = records.Select(r => r.Entry.RecordId).ToArray(),
                Ats = records.Select(r => r.Entry.At).ToArray(),
                Services = records.Select(r => r.Entry.Service).ToArray(),
                Operations = records.Select(r => r.Entry.Operation).ToArray(),
                Outcomes = records.Select(r => r.Entry.Outcome).ToArray(),
                Statuses = records.Select(r => r.Entry.Status).ToArray(),
                ActorIds = records.Select(r => r.Entry.ActorId).ToArray(),
                ActorNames = records.Select(r => r.Entry.ActorName).ToArray(),
                ActorUnits = records.Select(r => r.Entry.ActorUnit).ToArray(),
                ActorRoles = records.Select(r => string.Join(',', r.Entry.ActorRoles)).ToArray(),
                Resources = records.Select(r => r.Entry.Resource).ToArray(),
                ItemIds = records.Select(r => r.Entry.ItemId).ToArray(),
                Summaries = records.Select(r => r.Entry.Summary).ToArray(),
                TraceIds = records.Select(r => r.Entry.TraceId).ToArray(),
                PreviousHashes = records.Select(r => r.PreviousHash).ToArray(),
                Hashes = records.Select(r => r.Hash).ToArray(),
                LastSeq = seq,
                LastHash = previous,
            },
            work.Transaction, cancellationToken: cancellationToken));
        return records.Count;
    }

    /// <summary>One page of the records that match, newest first, and how many match in all.</summary>
    public async Task<(IReadOnlyList<AuditRecord> Records, long Total)> PageAsync(AuditQuery query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var (where, parameters) = Filter(query);
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM audit_records {where}", parameters, cancellationToken: cancellationToken));
        var records = new List<AuditRecord>();
        // a page past the end is an empty page: no offset beyond what matches is asked of the database
        if ((long)(page - 1) * pageSize < total)
        {
            parameters.Add("Limit", pageSize);
            parameters.Add("Offset", (long)(page - 1) * pageSize);
            await foreach (var record in ReadAsync(connection, $"SELECT {Columns} FROM audit_records {where} ORDER BY seq DESC LIMIT @Limit OFFSET @Offset", parameters, cancellationToken))
            {
                records.Add(record);
            }
        }

        return (records, total);
    }

    /// <summary>Every record that matches, oldest first, as they are read (an export of any size holds one record at a time).</summary>
    public async IAsyncEnumerable<AuditRecord> AllAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (where, parameters) = Filter(query);
        await using var connection = await database.OpenAsync(cancellationToken);
        await foreach (var record in ReadAsync(connection, $"SELECT {Columns} FROM audit_records {where} ORDER BY seq", parameters, cancellationToken))
        {
            yield return record;
        }
    }

    /// <summary>Walks the whole chain, from the origin or the last purge's link to the head.</summary>
    public async Task<AuditChain.Verifier> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // one snapshot for the anchor, the records and the head: an append meanwhile does not look like a break
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var anchor = await connection.QuerySingleOrDefaultAsync<(long Seq, byte[] Hash)?>(new CommandDefinition(
            "SELECT purged_through, last_hash FROM audit_purges ORDER BY purged_through DESC LIMIT 1", transaction: transaction, cancellationToken: cancellationToken));
        var verifier = new AuditChain.Verifier(anchor?.Seq ?? 0, anchor?.Hash ?? AuditChain.Origin);
        await foreach (var record in ReadAsync(connection, $"SELECT {Columns} FROM audit_records ORDER BY seq", new DynamicParameters(), cancellationToken, transaction))
        {
            if (!verifier.Next(record))
            {
                return verifier;
            }
        }

        var head = await connection.QuerySingleAsync<(long Seq, byte[] Hash)>(new CommandDefinition(
            "SELECT seq, hash FROM audit_head", transaction: transaction, cancellationToken: cancellationToken));
        verifier.End(head.Seq, head.Hash);
        return verifier;
    }

    /// <summary>Removes up to <paramref name="maxRows"/> of the oldest records appended before <paramref name="cutoff"/>; the database refuses a cutoff younger than 184 days.</summary>
    public async Task<long> PurgeAsync(DateTimeOffset cutoff, int maxRows, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT audit_purge(@cutoff, @maxRows)", new { cutoff, maxRows }, cancellationToken: cancellationToken));
    }

    private static (string Where, DynamicParameters Parameters) Filter(AuditQuery query)
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters();
        void Add(string condition, string name, object? value)
        {
            if (value is not null)
            {
                conditions.Add(condition);
                parameters.Add(name, value);
            }
        }

        Add("item_id = @ItemId", "ItemId", query.ItemId);
        Add("actor_id = @Actor", "Actor", query.Actor);
        Add("actor_unit = @Unit", "Unit", query.Unit);
        Add("operation = @Operation", "Operation", query.Operation);
        Add("outcome = @Outcome", "Outcome", query.Outcome);
        Add("service = @Service", "Service", query.Service);
        Add("at >= @From", "From", query.From);
        Add("at < @To", "To", query.To);
        return (conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions), parameters);
    }

    private static async IAsyncEnumerable<AuditRecord> ReadAsync(
        NpgsqlConnection connection, string sql, DynamicParameters parameters, [EnumeratorCancellation] CancellationToken cancellationToken,
        NpgsqlTransaction? transaction = null)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        var npgsql = (DbDataReader)reader;
        while (await npgsql.ReadAsync(cancellationToken))
        {
            var entry = new AuditRecorded(
                npgsql.GetGuid(1), npgsql.GetFieldValue<DateTimeOffset>(2), npgsql.GetString(4), npgsql.GetString(5), npgsql.GetString(6),
                npgsql.GetInt32(7), npgsql.GetString(8), npgsql.GetString(9), npgsql.IsDBNull(10) ? null : npgsql.GetString(10),
                npgsql.GetFieldValue<string[]>(11), npgsql.IsDBNull(12) ? null : npgsql.GetString(12), npgsql.IsDBNull(13) ? null : npgsql.GetGuid(13),
                npgsql.IsDBNull(14) ? null : npgsql.GetString(14), npgsql.IsDBNull(15) ? null : npgsql.GetString(15));
            yield return new AuditRecord(npgsql.GetInt64(0), npgsql.GetFieldValue<DateTimeOffset>(3), entry, npgsql.GetFieldValue<byte[]>(16), npgsql.GetFieldValue<byte[]>(17));
        }
    }
}
