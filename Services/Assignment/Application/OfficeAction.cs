using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Assignment.Application;

/// <summary>An item's assignment, locked, with who its parties are; <see cref="Current"/> null when the item has no assignment.</summary>
public sealed record LockedAssignment(AssignmentRow? Current, ItemParties? Parties)
{
    /// <summary>The assignment locked for the rest of the transaction, with its parties as locked with it.</summary>
    public static async Task<LockedAssignment> LockAsync(UnitOfWork work, Guid itemId, CancellationToken cancellationToken)
    {
        var current = await AssignmentRepository.FindAsync(work, itemId, lockRow: true, cancellationToken);
        return new LockedAssignment(current, current is null ? null : await AssignmentRepository.PartiesAsync(work, itemId, cancellationToken));
    }
}

/// <summary>
/// What the proposal office does with an assigned item (reassign, return, extend, add a co-handler):
/// the assignment is locked, the operation is <see cref="ItemOperation.Administer"/>, and an item with no
/// assignment (404) or returned to the assigning office (409) is refused before the action's own checks.
/// Each action answers the item's id; its endpoint answers the assignment as it is after the commit.
/// </summary>
public abstract class OfficeActionHandler<TRequest>(WritePath path) : ItemWriteHandler<TRequest, LockedAssignment, Guid>(path)
{
    public sealed override ItemOperation OperationFor(TRequest request) => ItemOperation.Administer;

    public sealed override async Task<LockedAssignment?> LockAsync(UnitOfWork work, Guid itemId, TRequest request, CancellationToken cancellationToken) =>
        await LockedAssignment.LockAsync(work, itemId, cancellationToken);

    // An item with no assignment is still the office's to be told so, as "not assigned" rather than the
    // guard's "no such item": the office may administer any item, whoever its parties are.
    public sealed override ItemParties? PartiesOf(LockedAssignment target) => target.Parties ?? ItemParties.Unassigned;

    public sealed override Task<WriteOutcome<Guid>> ApplyAsync(WriteStep<TRequest, LockedAssignment> step, CancellationToken cancellationToken) =>
        step.Target.Current switch
        {
            null => Task.FromResult(WriteOutcome<Guid>.Refused(Problems.NotAssigned(step.ItemId))),
            { Status: AssignmentRepository.Returned } => Task.FromResult(WriteOutcome<Guid>.Refused(Problems.AlreadyReturned(step.ItemId))),
            var current => ApplyAsync(step, current, cancellationToken),
        };

    /// <summary>The action on an assignment that is neither missing nor returned: its own checks, rows, history and message.</summary>
    protected abstract Task<WriteOutcome<Guid>> ApplyAsync(WriteStep<TRequest, LockedAssignment> step, AssignmentRow current, CancellationToken cancellationToken);
}
