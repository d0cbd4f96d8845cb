using Dapper;
using Npgsql;
using ProposalPlatform.Notifications.Domain;

namespace ProposalPlatform.Notifications.Data;

/// <summary>A unit's notices as the portal lists them, newest first, with whether and when they were mailed.</summary>
public sealed class NoticeReadModel(NpgsqlDataSource dataSource)
{
    public async Task<(long Total, IReadOnlyList<(Notice Notice, DateTimeOffset? MailedAt)> Page)> OfUnitAsync(
        string unitCode, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM notices WHERE unit_code = @unitCode", new { unitCode }, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<NoticeRow>(new CommandDefinition(
            $"""
            SELECT {NoticeRow.Columns}, d.sent_at AS MailedAt
            FROM notices n LEFT JOIN items i ON i.proposal_id = n.proposal_id LEFT JOIN digests d ON d.id = n.digest_id
            WHERE n.unit_code = @unitCode
            ORDER BY n.id DESC
            LIMIT @pageSize OFFSET @offset
            """,
            new { unitCode, pageSize, offset = (long)(page - 1) * pageSize }, cancellationToken: cancellationToken));
        return (total, rows.Select(row => (row.ToNotice(), row.MailedAt)).ToList());
    }
}
