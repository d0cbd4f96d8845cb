using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Application;

namespace ProposalPlatform.Assignment.Application;

/// <summary>
/// The proposal office moves the reply deadline, by months or to a date, at most 6 months after
/// assignment, with a reason; past 3 months only once the lead unit has explained the progress to the
/// submitter in this round. The caller is recorded as the approver and DeadlineExtended is published.
/// </summary>
public sealed class ExtendDeadlineHandler(WritePath path) : OfficeActionHandler<ExtendRequest>(path)
{
    public override string InvalidTitle => "The extension is not valid.";

    // no Validate: an extension is checked against the assignment's own dates, once locked

    protected override async Task<WriteOutcome<Guid>> ApplyAsync(WriteStep<ExtendRequest, LockedAssignment> step, AssignmentRow current, CancellationToken cancellationToken)
    {
        var (work, id, _, request, caller, now) = step;
        if (current.RepliedAt is not null)
        {
            return WriteOutcome<Guid>.Conflict("The item was replied to.", $"Item {id} was replied to on {current.RepliedAt:O}: its deadline is met.");
        }

        var (newDueAt, errors) = DeadlineExtensions.Decide(current.ClockStartedAt, current.DueAt, request.NewDueAt, request.Months, request.Reason, caller.Name);
        if (newDueAt is null)
        {
            return WriteOutcome<Guid>.Invalid(errors, InvalidTitle);
        }

        // past three months, the office's extension approves what the unit told the submitter first
        var needsExplanation = DeadlineExtensions.NeedsProgressExplanation(current.ClockStartedAt, newDueAt.Value);
        var explanation = needsExplanation ? await AssignmentRepository.LatestExplanationAsync(work, id, current.Round, cancellationToken) : null;
        if (needsExplanation && explanation is null)
        {
            return WriteOutcome<Guid>.Conflict(DeadlineExtensions.UnexplainedTitle, DeadlineExtensions.UnexplainedDetail(id, current.ClockStartedAt, current.Round),
                new Dictionary<string, object?> { ["missing"] = new[] { "progressExplanation" } });
        }

        var reason = request.Reason!.Trim();
        var approvedBy = caller.Name;
        await AssignmentRepository.ExtendAsync(work, id, current.DueAt, newDueAt.Value, reason, approvedBy, now, explanation?.Id, cancellationToken);
        await AssignmentRepository.AddHistoryAsync(work, id, "Extended", current.UnitCode, current.UnitCode, reason, approvedBy, now, cancellationToken);
        step.Audit.Changed("dueAt", current.DueAt, newDueAt.Value).Set("reason", reason);
        if (explanation is not null)
        {
            step.Audit.Set("progressExplainedOn", explanation.ExplainedOn);
        }

        await work.PublishAsync(
            new DeadlineExtended(id, current.UnitCode, current.DueAt, newDueAt.Value, reason, approvedBy, now, explanation?.Id, explanation?.ExplainedOn),
            cancellationToken);
        return WriteOutcome<Guid>.Done(id);
    }
}
