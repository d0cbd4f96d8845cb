using System.Data.Common;
using Dapper;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Reply.Data;

/// <summary>Reads merged groups (并案): one, an item's latest, or the open ones of a unit.</summary>
public sealed class HandlingGroupReadModel(PlatformDatabase database)
{
    public const int MaxListed = 500;

    public async Task<HandlingGroupRow?> FindAsync(Guid groupId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ReadAsync(connection, "g.group_id = @groupId", new { groupId }, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The open groups, oldest first, of one unit or (null) of every unit.</summary>
    public async Task<IReadOnlyList<HandlingGroupRow>> OpenAsync(string? unitCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, "g.issued_at IS NULL AND g.dissolved_at IS NULL AND (@unitCode::text IS NULL OR g.unit_code = @unitCode)",
            new { unitCode }, cancellationToken);
    }

    /// <summary>The group the item joined last, open or not: the one its story and reply speak of.</summary>
    public static async Task<HandlingGroupRow?> LatestOfAsync(DbConnection connection, Guid proposalId, CancellationToken cancellationToken) =>
        (await ReadAsync(connection,
            "g.group_id = (SELECT m.group_id FROM handling_group_members m WHERE m.proposal_id = @proposalId ORDER BY m.joined_at DESC LIMIT 1)",
            new { proposalId }, cancellationToken)).SingleOrDefault();

    private static async Task<IReadOnlyList<HandlingGroupRow>> ReadAsync(DbConnection connection, string where, object parameters, CancellationToken cancellationToken)
    {
        var groups = (await connection.QueryAsync<HandlingGroupRow>(new CommandDefinition(
            $"""
            SELECT g.group_id AS GroupId, g.lead_proposal_id AS LeadProposalId, g.unit_code AS UnitCode, g.note AS Note,
                   g.formed_by AS FormedBy, g.formed_at AS FormedAt, g.issued_at AS IssuedAt,
                   g.dissolved_at AS DissolvedAt, g.dissolved_by AS DissolvedBy, g.dissolved_reason AS DissolvedReason
            FROM handling_groups g WHERE {where}
            ORDER BY g.formed_at, g.group_id LIMIT {MaxListed}
            """,
            parameters, cancellationToken: cancellationToken))).ToList();
        if (groups.Count == 0)
        {
            return groups;
        }

        var members = (await connection.QueryAsync<HandlingGroupMemberRow>(new CommandDefinition(
            """
            SELECT group_id AS GroupId, proposal_id AS ProposalId, joined_at AS JoinedAt, active AS Active,
                   left_at AS LeftAt, left_by AS LeftBy, left_reason AS LeftReason
            FROM handling_group_members WHERE group_id = ANY(@ids) ORDER BY joined_at, proposal_id
            """,
            new { ids = groups.Select(g => g.GroupId).ToArray() }, cancellationToken: cancellationToken))).ToLookup(m => m.GroupId);
        foreach (var group in groups)
        {
            group.Members = [.. members[group.GroupId]];
        }

        return groups;
    }
}

public sealed class HandlingGroupRow
{
    public Guid GroupId { get; set; }
    public Guid LeadProposalId { get; set; }
    public string UnitCode { get; set; } = "";
    public string? Note { get; set; }
    public string FormedBy { get; set; } = "";
    public DateTimeOffset FormedAt { get; set; }
    public DateTimeOffset? IssuedAt { get; set; }
    public DateTimeOffset? DissolvedAt { get; set; }
    public string? DissolvedBy { get; set; }
    public string? DissolvedReason { get; set; }
    public IReadOnlyList<HandlingGroupMemberRow> Members { get; set; } = [];
}

public sealed class HandlingGroupMemberRow
{
    public Guid GroupId { get; set; }
    public Guid ProposalId { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    public bool Active { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
    public string? LeftBy { get; set; }
    public string? LeftReason { get; set; }
}
