using Dapper;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Notifications.Domain;

namespace ProposalPlatform.Notifications.Data;

/// <summary>What notices name items and units by: the items' numbers and titles, the units' names.</summary>
public static class ItemFacts
{
    /// <summary>Records the items of <paramref name="assigned"/> (those whose message carries their number) and their lead units' names.</summary>
    public static async Task RecordAssignedAsync(UnitOfWork work, IReadOnlyList<ProposalAssigned> assigned, CancellationToken cancellationToken)
    {
        var items = assigned
            .Select(a => (a.ProposalId, Name: ItemName.Of(a.Item), At: a.Item?.RegisteredAt ?? a.AssignedAt))
            .Where(a => a.Name is not null)
            .DistinctBy(a => a.ProposalId)
            .ToList();
        if (items.Count > 0)
        {
            await work.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO items (proposal_id, kind, session_year, number, title, updated_at)
                SELECT * FROM unnest(@ids, @kinds, @years, @numbers, @titles, @ats)
                ON CONFLICT (proposal_id) DO UPDATE
                SET kind = excluded.kind, session_year = excluded.session_year, number = excluded.number, title = excluded.title, updated_at = excluded.updated_at
                WHERE items.updated_at <= excluded.updated_at
                """,
                new
                {
                    ids = items.Select(a => a.ProposalId).ToArray(),
                    kinds = items.Select(a => a.Name!.Kind.ToString()).ToArray(),
                    years = items.Select(a => a.Name!.SessionYear).ToArray(),
                    numbers = items.Select(a => a.Name!.Number).ToArray(),
                    titles = items.Select(a => a.Name!.Title).ToArray(),
                    ats = items.Select(a => a.At.UtcDateTime).ToArray(),
                },
                work.Transaction, cancellationToken: cancellationToken));
        }

        foreach (var unit in assigned.DistinctBy(a => a.UnitCode))
        {
            await RecordUnitAsync(work, unit.UnitCode, unit.UnitName, unit.AssignedAt, cancellationToken);
        }
    }

    /// <summary>A unit's name, the newest kept.</summary>
    public static Task RecordUnitAsync(UnitOfWork work, string code, string name, DateTimeOffset at, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO units (code, name, updated_at) VALUES (@code, @name, @at)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
            WHERE units.updated_at <= excluded.updated_at
            """,
            new { code, name, at }, work.Transaction, cancellationToken: cancellationToken));

    /// <summary>A corrected title, where the item is known here and the correction is newer than what was recorded.</summary>
    public static Task RecordTitleAsync(UnitOfWork work, Guid proposalId, string title, DateTimeOffset at, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE items SET title = @title, updated_at = @at WHERE proposal_id = @proposalId AND updated_at <= @at",
            new { proposalId, title, at }, work.Transaction, cancellationToken: cancellationToken));
}
