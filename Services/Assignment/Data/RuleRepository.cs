using Dapper;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Assignment.Data;

public sealed class RuleRepository(PlatformDatabase database)
{
    private const string SelectRule =
        "SELECT id AS Id, keyword AS Keyword, unit_code AS UnitCode, priority AS Priority, co_unit_codes AS CoUnitCodes FROM routing_rules";

    public static async Task<IReadOnlyList<RoutingRule>> RulesAsync(UnitOfWork work, CancellationToken cancellationToken) =>
        (await work.Connection.QueryAsync<RuleRow>(new CommandDefinition(SelectRule, transaction: work.Transaction, cancellationToken: cancellationToken)))
            .Select(row => row.ToRule()).ToList();

    public async Task<IReadOnlyList<RoutingRule>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<RuleRow>(new CommandDefinition(SelectRule + " ORDER BY priority, id", cancellationToken: cancellationToken)))
            .Select(row => row.ToRule()).ToList();
    }

    public async Task<RoutingRule?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<RuleRow>(new CommandDefinition(
            SelectRule + " WHERE id = @id", new { id }, cancellationToken: cancellationToken)))?.ToRule();
    }

    /// <summary>Adds a rule; null when the same keyword already leads to the same unit.</summary>
    public static async Task<RoutingRule?> CreateAsync(UnitOfWork work, RoutingRule rule, CancellationToken cancellationToken)
    {
        var id = await work.Connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            """
            INSERT INTO routing_rules (keyword, unit_code, priority, co_unit_codes) VALUES (@Keyword, @UnitCode, @Priority, @CoUnitCodes)
            ON CONFLICT (keyword, unit_code) DO NOTHING RETURNING id
            """,
            new { rule.Keyword, rule.UnitCode, rule.Priority, CoUnitCodes = (rule.CoUnitCodes ?? []).ToArray() }, work.Transaction,
            cancellationToken: cancellationToken));
        return id is null ? null : rule with { Id = id.Value };
    }

    /// <summary>
    /// Replaces a rule; <see cref="RuleWrite.Missing"/> or <see cref="RuleWrite.Duplicate"/> when it cannot
    /// (a duplicate fails <paramref name="work"/>'s transaction: it is to be rolled back then).
    /// </summary>
    public static async Task<RuleWrite> UpdateAsync(UnitOfWork work, RoutingRule rule, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await work.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE routing_rules SET keyword = @Keyword, unit_code = @UnitCode, priority = @Priority, co_unit_codes = @CoUnitCodes WHERE id = @Id",
                new { rule.Id, rule.Keyword, rule.UnitCode, rule.Priority, CoUnitCodes = (rule.CoUnitCodes ?? []).ToArray() },
                work.Transaction, cancellationToken: cancellationToken));
            return updated == 1 ? RuleWrite.Done : RuleWrite.Missing;
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            return RuleWrite.Duplicate;
        }
    }

    public static async Task<bool> DeleteAsync(UnitOfWork work, int id, CancellationToken cancellationToken) =>
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM routing_rules WHERE id = @id", new { id }, work.Transaction, cancellationToken: cancellationToken)) == 1;

    private sealed class RuleRow
    {
        public int Id { get; set; }
        public string Keyword { get; set; } = "";
        public string UnitCode { get; set; } = "";
        public int Priority { get; set; }
        public string[] CoUnitCodes { get; set; } = [];

        public RoutingRule ToRule() => new(Keyword, UnitCode, Priority, CoUnitCodes, Id);
    }
}

public enum RuleWrite
{
    Done,
    Missing,
    Duplicate,
}
