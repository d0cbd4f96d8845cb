using Dapper;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Data;

/// <summary>Each item's submitters and place, as intake registered it.</summary>
public static class SubmitterRepository
{
    /// <summary>Stores what registration says of each item.</summary>
    public static Task UpsertAsync(UnitOfWork work, IReadOnlyList<ProposalRegistered> registered, CancellationToken cancellationToken) =>
        UpsertAsync(work, [.. registered.Select(r => new SubmitterFacts(r.ProposalId, r.LeadSubmitterName, r.Province, r.City, r.CoSignerNames, r.RegisteredAt))], cancellationToken);

    /// <summary>Stores what registration said of each assigned item, as its assignment carries it.</summary>
    public static Task UpsertAsync(UnitOfWork work, IReadOnlyList<ProposalAssigned> assigned, CancellationToken cancellationToken) =>
        UpsertAsync(work, [.. assigned.Where(a => a.Item is not null).Select(a => new SubmitterFacts(
            a.ProposalId, a.Item!.LeadSubmitterName, a.Item.Province, a.Item.City, a.Item.CoSignerNames, a.Item.RegisteredAt))], cancellationToken);

    /// <summary>An office correction may change the lead submitter, the place or the co-signers.</summary>
    public static Task UpsertAsync(UnitOfWork work, ProposalCorrected corrected, CancellationToken cancellationToken) =>
        UpsertAsync(work, [new SubmitterFacts(corrected.ProposalId, corrected.LeadSubmitterName, corrected.Province, corrected.City, corrected.CoSignerNames, corrected.CorrectedAt)], cancellationToken);

    /// <summary>Stores the facts of each item; newer facts (by <see cref="SubmitterFacts.AsOf"/>) replace older ones, never the reverse.</summary>
    private static Task UpsertAsync(UnitOfWork work, IReadOnlyList<SubmitterFacts> facts, CancellationToken cancellationToken)
    {
        // one row per item: an upsert may not touch the same row twice in one statement
        var items = facts.GroupBy(r => r.ProposalId).Select(g => g.MaxBy(r => r.AsOf)!).ToList();
        if (items.Count == 0)
        {
            return Task.CompletedTask;
        }

        return work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO proposal_submitters (proposal_id, lead_submitter_name, province, city, co_signer_names, registered_at)
            SELECT id, lead, province, city, string_to_array(co_signers, chr(31)), registered_at
            FROM unnest(@ids, @leads, @provinces, @cities, @coSigners, @registeredAt)
                 AS r(id, lead, province, city, co_signers, registered_at)
            ON CONFLICT (proposal_id) DO UPDATE SET
                lead_submitter_name = EXCLUDED.lead_submitter_name, province = EXCLUDED.province, city = EXCLUDED.city,
                co_signer_names = EXCLUDED.co_signer_names, registered_at = EXCLUDED.registered_at
            WHERE proposal_submitters.registered_at <= EXCLUDED.registered_at
            """,
            new
            {
                ids = items.Select(r => r.ProposalId).ToArray(),
                leads = items.Select(r => r.LeadSubmitterName).ToArray(),
                provinces = items.Select(r => r.Province).ToArray(),
                cities = items.Select(r => r.City).ToArray(),
                // text[][] cannot be ragged: each item's co-signers travel as one string split by the unit separator
                coSigners = items.Select(r => string.Join('\u001f', (r.CoSignerNames ?? []).Where(n => !string.IsNullOrWhiteSpace(n)))).ToArray(),
                registeredAt = items.Select(r => r.AsOf.UtcDateTime).ToArray(),
            },
            work.Transaction, cancellationToken: cancellationToken));
    }

    private const string SelectSubmitters =
        """
        SELECT lead_submitter_name AS LeadSubmitterName, province AS Province, city AS City, co_signer_names AS CoSignerNames
        FROM proposal_submitters WHERE proposal_id = @proposalId
        """;

    public static async Task<ItemSubmitters?> FindAsync(PlatformDatabase database, Guid proposalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubmittersRow>(new CommandDefinition(
            SelectSubmitters, new { proposalId }, cancellationToken: cancellationToken));
        return row is null ? null : new ItemSubmitters(row.LeadSubmitterName, row.Province, row.City, row.CoSignerNames);
    }

    /// <summary>As <see cref="FindAsync(PlatformDatabase, Guid, CancellationToken)"/>, inside a write's transaction.</summary>
    public static async Task<ItemSubmitters?> FindAsync(UnitOfWork work, Guid proposalId, CancellationToken cancellationToken)
    {
        var row = await work.Connection.QuerySingleOrDefaultAsync<SubmittersRow>(new CommandDefinition(
            SelectSubmitters, new { proposalId }, work.Transaction, cancellationToken: cancellationToken));
        return row is null ? null : new ItemSubmitters(row.LeadSubmitterName, row.Province, row.City, row.CoSignerNames);
    }

    private sealed class SubmittersRow
    {
        public string LeadSubmitterName { get; set; } = "";
        public string Province { get; set; } = "";
        public string City { get; set; } = "";
        public string[] CoSignerNames { get; set; } = [];
    }
}

/// <summary>What an event says of an item's submitters, as of when it happened.</summary>
internal sealed record SubmitterFacts(
    Guid ProposalId, string LeadSubmitterName, string Province, string City, IReadOnlyList<string>? CoSignerNames, DateTimeOffset AsOf);
