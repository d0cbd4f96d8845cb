using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Assignment.Application;

/// <summary>The written opinion a co-handling unit sends the lead unit on an item.</summary>
public sealed record CoHandlerOpinion(string UnitCode, string? Opinion);

/// <summary>
/// A co-handling unit's handler or head records the unit's written opinion, once, and
/// CoHandlingOpinionSubmitted is published. A unit gives its own opinion only. Answers the item's id.
/// </summary>
public sealed class SubmitOpinionHandler(WritePath path) : ItemWriteHandler<CoHandlerOpinion, LockedAssignment, Guid>(path)
{
    public const int MaxOpinionLength = 50_000;

    public override string InvalidTitle => "The opinion is not valid.";

    public override ItemOperation OperationFor(CoHandlerOpinion request) => ItemOperation.Opinion;

    // no Validate: who may give the opinion is told before what is wrong with it

    public override async Task<LockedAssignment?> LockAsync(UnitOfWork work, Guid itemId, CoHandlerOpinion request, CancellationToken cancellationToken) =>
        await LockedAssignment.LockAsync(work, itemId, cancellationToken) is { Current: not null } locked ? locked : null;

    public override ItemParties? PartiesOf(LockedAssignment target) => target.Parties;

    public override async Task<WriteOutcome<Guid>> ApplyAsync(WriteStep<CoHandlerOpinion, LockedAssignment> step, CancellationToken cancellationToken)
    {
        var (work, id, target, (unitCode, opinion), caller, now) = step;
        if (!caller.WorksFor(unitCode))
        {
            return WriteOutcome<Guid>.Refused(PlatformProblems.Forbidden($"{caller.UnitCode} may give its own opinion, not {unitCode}'s."));
        }

        if (string.IsNullOrWhiteSpace(opinion))
        {
            return WriteOutcome<Guid>.Invalid("opinion", "The written opinion is required: the lead unit attaches it to its draft reply.", InvalidTitle);
        }

        if (opinion.Length > MaxOpinionLength)
        {
            return WriteOutcome<Guid>.Invalid("opinion", $"At most {MaxOpinionLength} characters.", InvalidTitle);
        }

        if (!await AssignmentRepository.SubmitOpinionAsync(work, id, unitCode, caller.Name, opinion.Trim(), now, cancellationToken))
        {
            // the co-handlers as locked with the assignment: no one adds or removes one meanwhile
            return target.Parties!.CoHandlers.Contains(unitCode)
                ? WriteOutcome<Guid>.Conflict("The opinion was already sent.", $"{unitCode} already sent its opinion on item {id}.")
                : WriteOutcome<Guid>.Refused(Problems.NotFound("No such co-handler.", $"{unitCode} does not co-handle item {id}."));
        }

        step.Audit.Set("opinionOf", unitCode);
        await work.PublishAsync(new CoHandlingOpinionSubmitted(id, unitCode, caller.Name, now, opinion.Trim()), cancellationToken);
        return WriteOutcome<Guid>.Done(id);
    }
}
