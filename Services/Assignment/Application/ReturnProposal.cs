using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Assignment.Application;

/// <summary>
/// The proposal office returns an item outside the body's remit to the assigning office, with the
/// reasons, inside the return window after assignment (its kind's rule, counted on the holiday
/// calendar); ProposalReturned is published.
/// </summary>
public sealed class ReturnProposalHandler(WritePath path, ReturnWindows windows) : OfficeActionHandler<ReturnRequest>(path)
{
    public override string InvalidTitle => "The return is not valid.";

    public override IDictionary<string, string[]> Validate(ReturnRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        Problems.Require(errors, "reason", request.Reason, "A return needs the reasons the item is outside the body's remit.", TextLimits.Reason);
        return errors;
    }

    protected override async Task<WriteOutcome<Guid>> ApplyAsync(WriteStep<ReturnRequest, LockedAssignment> step, AssignmentRow current, CancellationToken cancellationToken)
    {
        var (work, id, _, request, caller, now) = step;
        var decision = await windows.DecideAsync(work, current, now, cancellationToken);
        if (!decision.Allowed)
        {
            return WriteOutcome<Guid>.Conflict("The return window has closed.", decision.RefusalDetail, new Dictionary<string, object?>
            {
                ["windowClosedOn"] = decision.ClosedOn,
                ["windowClosedAt"] = decision.WindowClosesAt,
                ["windowRule"] = decision.Rule.ToString(),
                ["warnings"] = decision.Warnings,
            });
        }

        var reason = request.Reason!.Trim();
        await AssignmentRepository.ReturnAsync(work, id, reason, caller.Name, now, cancellationToken);
        await AssignmentRepository.AddHistoryAsync(work, id, "Returned", current.UnitCode, null, reason, caller.Name, now, cancellationToken);
        step.Audit.Changed("status", current.Status, "Returned").Set("reason", reason);
        await work.PublishAsync(new ProposalReturned(id, current.UnitCode, reason, caller.Name, now), cancellationToken);
        return WriteOutcome<Guid>.Done(id);
    }
}
