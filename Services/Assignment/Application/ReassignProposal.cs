using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Assignment.Application;

/// <summary>The proposal office gives the item to another lead unit, with a reason; ProposalReassigned is published.</summary>
public sealed class ReassignProposalHandler(WritePath path) : OfficeActionHandler<ReassignRequest>(path)
{
    public override string InvalidTitle => "The reassignment is not valid.";

    public override IDictionary<string, string[]> Validate(ReassignRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        Problems.Require(errors, "unitCode", request.UnitCode, "Name the unit the item goes to.", TextLimits.Code);
        Problems.Require(errors, "reason", request.Reason, "A reassignment needs a reason.", TextLimits.Reason);
        return errors;
    }

    protected override async Task<WriteOutcome<Guid>> ApplyAsync(WriteStep<ReassignRequest, LockedAssignment> step, AssignmentRow current, CancellationToken cancellationToken)
    {
        var (work, id, _, request, caller, now) = step;
        var target = await UnitRepository.FindAsync(work, request.UnitCode!.Trim(), cancellationToken);
        if (target is null)
        {
            return WriteOutcome<Guid>.Invalid("unitCode", $"'{request.UnitCode}' is not a unit.", InvalidTitle);
        }

        if (target.Code == current.UnitCode)
        {
            return WriteOutcome<Guid>.Conflict("The item is already with that unit.", $"Item {id} is already assigned to {target.Code} ({target.Name}).");
        }

        var reason = request.Reason!.Trim();
        await AssignmentRepository.ReassignAsync(work, id, target.Code, cancellationToken);
        await AssignmentRepository.AddHistoryAsync(work, id, "Reassigned", current.UnitCode, target.Code, reason, caller.Name, now, cancellationToken);
        step.Audit.Changed("unit", current.UnitCode, target.Code).Set("reason", reason);
        await work.PublishAsync(new ProposalReassigned(id, current.UnitCode, target.Code, target.Name, reason, caller.Name, now), cancellationToken);
        return WriteOutcome<Guid>.Done(id);
    }
}
