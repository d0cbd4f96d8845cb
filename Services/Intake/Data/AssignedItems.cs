using Dapper;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Data;

/// <summary>Records a batch of assignments on the items in two statements, however large the batch.</summary>
public static class AssignedItems
{
    /// <summary>
    /// Moves each item to Assigned (never back: a later step may have arrived first) and records its
    /// unit. Returns how many of the items intake knows.
    /// </summary>
    public static async Task<int> RecordAsync(UnitOfWork work, IReadOnlyList<ProposalAssigned> batch, CancellationToken cancellationToken)
    {
        // the latest assignment of an item wins within one batch, as it would across batches
        var assigned = batch.GroupBy(a => a.ProposalId).Select(g => g.MaxBy(a => a.AssignedAt)!).ToList();
        var parameters = new
        {
            Ids = assigned.Select(a => a.ProposalId).ToArray(),
            Units = assigned.Select(a => a.UnitCode).ToArray(),
            Stage = (short)ProposalStage.Assigned,
        };

        var known = await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE proposals p SET stage = GREATEST(p.stage, @Stage), assigned_unit_code = a.unit
            FROM unnest(@Ids, @Units) AS a(id, unit)
            WHERE p.id = a.id
            """,
            parameters, work.Transaction, cancellationToken: cancellationToken));

        return known;
    }
}
