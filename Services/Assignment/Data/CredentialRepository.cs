using Dapper;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Assignment.Data;

public sealed class CredentialRepository(PlatformDatabase database)
{
    private const string Select =
        """
        SELECT c.id AS Id, c.unit_code AS UnitCode, u.kind AS UnitKind, c.label AS Label, c.issued_at AS IssuedAt,
               c.issued_by AS IssuedBy, c.revoked_at AS RevokedAt, c.revoked_by AS RevokedBy
        FROM unit_credentials c JOIN units u ON u.code = c.unit_code
        """;

    public async Task IssueAsync(Guid id, string unitCode, string keyHash, string? label, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO unit_credentials (id, unit_code, key_hash, label, issued_at, issued_by)
            VALUES (@id, @unitCode, @keyHash, @label, @at, @by)
            ON CONFLICT (key_hash) DO NOTHING
            """,
            new { id, unitCode, keyHash, label, at, by }, cancellationToken: cancellationToken));
    }

    /// <summary>The unit a key (by its hash) belongs to, unless the key was revoked.</summary>
    public async Task<CredentialRow?> FindActiveAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CredentialRow>(new CommandDefinition(
            Select + " WHERE c.key_hash = @keyHash AND c.revoked_at IS NULL", new { keyHash }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<CredentialRow>> ForUnitAsync(string unitCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<CredentialRow>(new CommandDefinition(
            Select + " WHERE c.unit_code = @unitCode ORDER BY c.issued_at", new { unitCode }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Revokes the key; false when the unit has no such key or it was revoked already.</summary>
    public async Task<bool> RevokeAsync(string unitCode, Guid id, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE unit_credentials SET revoked_at = @at, revoked_by = @by WHERE id = @id AND unit_code = @unitCode AND revoked_at IS NULL",
            new { id, unitCode, by, at }, cancellationToken: cancellationToken)) == 1;
    }
}

public sealed record CredentialRow(
    Guid Id, string UnitCode, string UnitKind, string? Label, DateTimeOffset IssuedAt, string IssuedBy, DateTimeOffset? RevokedAt, string? RevokedBy);
