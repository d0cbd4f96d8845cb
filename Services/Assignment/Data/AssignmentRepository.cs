using Dapper;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Assignment.Data;

public sealed class AssignmentRepository(PlatformDatabase database)
{
    private const string SelectAssignment =
        """
        SELECT a.proposal_id AS ProposalId, a.unit_code AS UnitCode, u.name AS UnitName, a.topic AS Topic,
               a.title AS Title, a.assigned_at AS AssignedAt, a.due_at AS DueAt
        FROM assignments a JOIN units u ON u.code = a.unit_code
        """;

    public static async Task<IReadOnlyList<RoutingRule>> RulesAsync(UnitOfWork work, CancellationToken cancellationToken) =>
        (await work.Connection.QueryAsync<RoutingRule>(new CommandDefinition(
            "SELECT keyword AS Keyword, unit_code AS UnitCode, priority AS Priority FROM routing_rules",
            transaction: work.Transaction, cancellationToken: cancellationToken))).AsList();

    /// <summary>Stores the item's assignment; null when it was assigned before (nothing is changed then).</summary>
    public static async Task<AssignmentRecord?> AssignAsync(
        UnitOfWork work, Guid proposalId, string unitCode, string topic, string title,
        DateTimeOffset assignedAt, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var inserted = await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO assignments (proposal_id, unit_code, topic, title, assigned_at, due_at)
            VALUES (@ProposalId, @UnitCode, @Topic, @Title, @AssignedAt, @DueAt)
            ON CONFLICT (proposal_id) DO NOTHING
            """,
            new { ProposalId = proposalId, UnitCode = unitCode, Topic = topic, Title = title, AssignedAt = assignedAt, DueAt = dueAt },
            work.Transaction, cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            return null;
        }

        return await work.Connection.QuerySingleAsync<AssignmentRecord>(new CommandDefinition(
            SelectAssignment + " WHERE a.proposal_id = @proposalId",
            new { proposalId }, work.Transaction, cancellationToken: cancellationToken));
    }

    public async Task<AssignmentRecord?> FindAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AssignmentRecord>(new CommandDefinition(
            SelectAssignment + " WHERE a.proposal_id = @proposalId", new { proposalId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<HandlingUnit>> UnitsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<HandlingUnit>(new CommandDefinition(
            "SELECT code AS Code, name AS Name, kind AS Kind FROM units ORDER BY kind, code",
            cancellationToken: cancellationToken))).AsList();
    }
}

public sealed record AssignmentRecord(
    Guid ProposalId, string UnitCode, string UnitName, string Topic, string Title, DateTimeOffset AssignedAt, DateTimeOffset DueAt);
