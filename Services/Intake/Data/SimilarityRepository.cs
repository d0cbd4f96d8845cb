using Dapper;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Data;

public sealed class SimilarityRepository(PlatformDatabase database)
{
    private const string SelectPair =
        """
        SELECT s.id AS Id, s.session_year AS SessionYear, s.similarity AS Similarity, s.status AS Status,
               s.detected_at AS DetectedAt, s.decided_at AS DecidedAt, s.decided_by AS DecidedBy, s.note AS Note,
               a.id AS AId, a.kind AS AKind, a.number AS ANumber, a.title AS ATitle,
               b.id AS BId, b.kind AS BKind, b.number AS BNumber, b.title AS BTitle
        FROM similar_pairs s JOIN proposals a ON a.id = s.proposal_a JOIN proposals b ON b.id = s.proposal_b
        """;

    /// <summary>Items registered or corrected since the last look, locked for this worker.</summary>
    public static async Task<IReadOnlyList<ItemText>> TakeUnindexedAsync(UnitOfWork work, int limit, CancellationToken cancellationToken) =>
        (await work.Connection.QueryAsync<ItemText>(new CommandDefinition(
            """
            SELECT id AS Id, session_year AS SessionYear, title AS Title, text AS Text
            FROM proposals WHERE indexed_at IS NULL
            ORDER BY registered_at LIMIT @limit
            FOR UPDATE SKIP LOCKED
            """,
            new { limit }, work.Transaction, cancellationToken: cancellationToken))).AsList();

    /// <summary>
    /// The statements that may merge the search index's pending list (thousands of items) may take
    /// longer than Npgsql's default 30 s on two busy cores: cut off there, a chunk failed, was logged as
    /// an error and was taken again. The indexing worker still cancels them when items come in.
    /// </summary>
    private const int MergeTimeoutSeconds = 600;

    public static async Task SaveIndexAsync(UnitOfWork work, IReadOnlyList<(Guid Id, string Grams, string Bands)> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            -- an insert that finds the search index's pending list full merges it, in this much memory
            SET LOCAL work_mem = '64MB';
            INSERT INTO proposal_index (proposal_id, search_grams, similarity_bands)
            SELECT r.id, string_to_array(r.grams, ',')::integer[], string_to_array(r.bands, ',')::integer[]
            FROM unnest(@Ids, @Grams, @Bands) AS r(id, grams, bands)
            ON CONFLICT (proposal_id) DO UPDATE SET search_grams = EXCLUDED.search_grams, similarity_bands = EXCLUDED.similarity_bands
            """,
            new { Ids = ids, Grams = rows.Select(r => r.Grams).ToArray(), Bands = rows.Select(r => r.Bands).ToArray() },
            work.Transaction, MergeTimeoutSeconds, cancellationToken: cancellationToken));
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE proposals SET indexed_at = @now WHERE id = ANY(@Ids)",
            new { Ids = ids, now = now.UtcDateTime }, work.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Merges the entries waiting in the search index's pending list into its tree, so that searches
    /// need not scan them: in one pass, with memory enough for thousands of items at once.
    /// </summary>
    public static async Task MergeSearchIndexAsync(UnitOfWork work, CancellationToken cancellationToken)
    {
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "SET LOCAL maintenance_work_mem = '128MB'", transaction: work.Transaction, cancellationToken: cancellationToken));
        await work.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT gin_clean_pending_list('ix_proposal_index_search'::regclass)", transaction: work.Transaction,
            commandTimeout: MergeTimeoutSeconds, cancellationToken: cancellationToken));
    }

    /// <summary>The key space of <see cref="LockSessionYearsAsync"/>'s locks (the other key is the session year).</summary>
    public const int SimilarityLockSpace = 0x5050_5349; // "PPSI"

    /// <summary>
    /// Takes the lock of each session year of a chunk, in order, for the rest of the transaction: workers
    /// (of one intake or of its copies) search one year's similar items one after the other. Without it two
    /// workers indexing the two halves of a similar pair at the same moment each search before the other's
    /// index is committed, and neither finds the pair; with it the later one's search sees the earlier one's
    /// committed index. Items are taken with SKIP LOCKED, so two chunks never share an item.
    /// </summary>
    public static async Task LockSessionYearsAsync(UnitOfWork work, IEnumerable<int> sessionYears, CancellationToken cancellationToken)
    {
        foreach (var year in sessionYears.Distinct().Order())
        {
            await work.Connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@space, @year)", new { space = SimilarityLockSpace, year }, work.Transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>For each item, the other items of its session that share an LSH band with it (the keys hold the session year).</summary>
    public static async Task<IReadOnlyList<CandidateText>> CandidatesAsync(
        UnitOfWork work, IReadOnlyList<(Guid Id, int SessionYear, string Bands)> items, int perItem, CancellationToken cancellationToken) =>
        (await work.Connection.QueryAsync<CandidateText>(new CommandDefinition(
            """
            SELECT c.id AS ItemId, p.id AS Id, p.title AS Title, p.text AS Text
            FROM unnest(@Ids, @Years, @Bands) AS c(id, year, bands)
            CROSS JOIN LATERAL (
                SELECT o.id, o.title, o.text
                FROM proposal_index x JOIN proposals o ON o.id = x.proposal_id
                WHERE x.similarity_bands && string_to_array(c.bands, ',')::integer[]
                  AND x.proposal_id <> c.id AND o.session_year = c.year
                LIMIT @perItem) p
            """,
            new
            {
                Ids = items.Select(i => i.Id).ToArray(),
                Years = items.Select(i => i.SessionYear).ToArray(),
                Bands = items.Select(i => i.Bands).ToArray(),
                perItem,
            },
            work.Transaction, cancellationToken: cancellationToken))).AsList();

    /// <summary>Replaces the undecided pairs of re-indexed items by the pairs found now; decided pairs stay as decided.</summary>
    public static async Task SavePairsAsync(
        UnitOfWork work, IReadOnlyList<Guid> indexed, IReadOnlyList<(Guid A, Guid B, int SessionYear, double Similarity)> pairs,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM similar_pairs WHERE status = @Candidate AND (proposal_a = ANY(@Ids) OR proposal_b = ANY(@Ids))",
            new { Candidate = (short)SimilarPairStatus.Candidate, Ids = indexed.ToArray() }, work.Transaction, cancellationToken: cancellationToken));
        if (pairs.Count == 0)
        {
            return;
        }

        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO similar_pairs (id, session_year, proposal_a, proposal_b, similarity, status, detected_at)
            SELECT pid, year, LEAST(a, b), GREATEST(a, b), sim, @Candidate, @now
            FROM unnest(@PairIds, @Years, @As, @Bs, @Similarities) AS p(pid, year, a, b, sim)
            ON CONFLICT (proposal_a, proposal_b) DO UPDATE SET similarity = EXCLUDED.similarity
            """,
            new
            {
                Candidate = (short)SimilarPairStatus.Candidate,
                now = now.UtcDateTime,
                PairIds = pairs.Select(_ => MassTransit.NewId.NextGuid()).ToArray(),
                Years = pairs.Select(p => p.SessionYear).ToArray(),
                As = pairs.Select(p => p.A).ToArray(),
                Bs = pairs.Select(p => p.B).ToArray(),
                Similarities = pairs.Select(p => (float)p.Similarity).ToArray(),
            },
            work.Transaction, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<PairRecord>> ForItemAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<PairRecord>(new CommandDefinition(
            SelectPair + " WHERE s.proposal_a = @id OR s.proposal_b = @id ORDER BY s.similarity DESC",
            new { id }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<(IReadOnlyList<PairRecord> Pairs, long Total)> ListAsync(
        SimilarPairStatus? status, int? sessionYear, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        const string where = "WHERE (@Status IS NULL OR s.status = @Status) AND (@SessionYear IS NULL OR s.session_year = @SessionYear)";
        var parameters = new { Status = (short?)status, SessionYear = sessionYear, Limit = pageSize, Offset = (page - 1L) * pageSize };
        var pairs = await connection.QueryAsync<PairRecord>(new CommandDefinition(
            $"{SelectPair} {where} ORDER BY s.similarity DESC, s.id LIMIT @Limit OFFSET @Offset", parameters, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM similar_pairs s {where}", parameters, cancellationToken: cancellationToken));
        return (pairs.AsList(), total);
    }

    public static Task<PairRecord?> FindForUpdateAsync(UnitOfWork work, Guid pairId, CancellationToken cancellationToken) =>
        work.Connection.QuerySingleOrDefaultAsync<PairRecord>(new CommandDefinition(
            SelectPair + " WHERE s.id = @pairId FOR UPDATE OF s", new { pairId }, work.Transaction, cancellationToken: cancellationToken));

    /// <summary>Every pair both of whose items are among <paramref name="ids"/>, locked, in id order.</summary>
    public static async Task<IReadOnlyList<PairRecord>> AmongForUpdateAsync(UnitOfWork work, IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        (await work.Connection.QueryAsync<PairRecord>(new CommandDefinition(
            SelectPair + " WHERE s.proposal_a = ANY(@ids) AND s.proposal_b = ANY(@ids) ORDER BY s.id FOR UPDATE OF s",
            new { ids = ids.ToArray() }, work.Transaction, cancellationToken: cancellationToken))).AsList();

    public static Task DecideAsync(UnitOfWork work, Guid pairId, SimilarPairStatus decision, string? decidedBy, string? note, DateTimeOffset now, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE similar_pairs SET status = @Status, decided_at = @now, decided_by = @decidedBy, note = @note WHERE id = @pairId",
            new { pairId, Status = (short)decision, now, decidedBy, note }, work.Transaction, cancellationToken: cancellationToken));
}

public sealed record ItemText(Guid Id, int SessionYear, string Title, string Text);

public sealed record CandidateText(Guid ItemId, Guid Id, string Title, string Text);

public sealed record PairRecord(
    Guid Id,
    int SessionYear,
    float Similarity,
    short Status,
    DateTimeOffset DetectedAt,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? Note,
    Guid AId,
    short AKind,
    int ANumber,
    string ATitle,
    Guid BId,
    short BKind,
    int BNumber,
    string BTitle);
