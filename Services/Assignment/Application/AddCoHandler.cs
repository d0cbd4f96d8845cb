using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Assignment.Application;

/// <summary>
/// The proposal office makes a unit co-handler of the item, with a reason: it owes the lead unit a
/// written opinion within a month of assignment; CoHandlingAssigned is published.
/// </summary>
public sealed class AddCoHandlerHandler(WritePath path) : OfficeActionHandler<CoHandlerRequest>(path)
{
    public override string InvalidTitle => "The co-handler is not valid.";

    public override IDictionary<string, string[]> Validate(CoHandlerRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        Problems.Require(errors, "unitCode", request.UnitCode, "Name the co-handling unit.", TextLimits.Code);
        Problems.Require(errors, "reason", request.Reason, "Adding a co-handler needs a reason.", TextLimits.Reason);
        return errors;
    }

    protected override async Task<WriteOutcome<Guid>> ApplyAsync(WriteStep<CoHandlerRequest, LockedAssignment> step, AssignmentRow current, CancellationToken cancellationToken)
    {
        var (work, id, _, request, caller, now) = step;
        var unit = await UnitRepository.FindAsync(work, request.UnitCode!.Trim(), cancellationToken);
        if (unit is null)
        {
            return WriteOutcome<Guid>.Invalid("unitCode", $"'{request.UnitCode}' is not a unit.", InvalidTitle);
        }

        if (unit.Code == current.UnitCode)
        {
            return WriteOutcome<Guid>.Conflict("The unit leads the item.", $"{unit.Code} is the lead unit of item {id}; it cannot also co-handle it.");
        }

        var added = await AssignmentRepository.AddCoHandlersAsync(work, id, [unit.Code], now, Deadlines.CoHandlingOpinionDue(current.ClockStartedAt), cancellationToken);
        if (added.Count == 0)
        {
            return WriteOutcome<Guid>.Conflict("The unit already co-handles the item.", $"{unit.Code} already co-handles item {id}.");
        }

        await AssignmentRepository.AddHistoryAsync(work, id, "CoHandlingAssigned", null, unit.Code, request.Reason!.Trim(), caller.Name, now, cancellationToken);
        step.Audit.Set("coHandler", unit.Code).Set("opinionDueAt", added[0].DueAt);
        await work.PublishAsync(new CoHandlingAssigned(id, current.UnitCode, unit.Code, unit.Name, now, added[0].DueAt), cancellationToken);
        return WriteOutcome<Guid>.Done(id);
    }
}
