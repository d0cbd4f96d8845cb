using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Infrastructure.Audit;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Infrastructure.Application;

/// <summary>
/// What one step of a write works with: the transaction, the locked item, the request, who calls and
/// when; and what the write says of itself in the audit trail (<see cref="Audit"/>).
/// </summary>
public sealed record WriteStep<TRequest, TTarget>(UnitOfWork Work, Guid ItemId, TTarget Target, TRequest Request, Caller Caller, DateTimeOffset Now)
{
    public AuditNote Audit { get; } = new();
}

/// <summary>
/// The one path every write on an item takes, written once: validate the request (no I/O) → begin the
/// transaction → lock the item → authorize the caller for the operation on what was locked (404 for an
/// item the caller may not see, 403 naming what the operation needs) → apply the change, its history
/// and the messages it publishes (outbox) → its audit entry (who, which operation, what changed), in the
/// same transaction → commit → what follows the commit. A refusal anywhere rolls everything back. A use
/// case says only what is its own, by deriving from <see cref="ItemWriteHandler{TRequest, TTarget, TResult}"/>.
/// </summary>
public sealed class WritePath(PlatformDatabase database, ItemGuard guard, AuditTrail audit, TimeProvider clock)
{
    public async Task<WriteOutcome<TResult>> RunAsync<TRequest, TTarget, TResult>(
        ItemWriteHandler<TRequest, TTarget, TResult> handler, Guid itemId, TRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
        where TTarget : class
    {
        var now = clock.GetUtcNow();
        var errors = handler.Validate(request, now);
        if (errors.Count > 0)
        {
            return WriteOutcome<TResult>.Invalid(errors, handler.InvalidTitle);
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var target = await handler.LockAsync(work, itemId, request, cancellationToken);
        if (await handler.RefuseAsync(guard, user, itemId, target, request) is { } refusal)
        {
            return WriteOutcome<TResult>.Refused(refusal);
        }

        var step = new WriteStep<TRequest, TTarget>(work, itemId, target!, request, Caller.From(user), now);
        var outcome = await handler.ApplyAsync(step, cancellationToken);
        if (outcome.Succeeded)
        {
            await CommitAsync(work, handler, step.Caller, step.Audit.ItemId ?? itemId, step.Audit, cancellationToken);
            handler.Committed(outcome.Value!);
        }

        return outcome;
    }

    /// <summary>
    /// The path of a write that is not on one existing item (a new item, a batch, a unit, a rule): validate →
    /// begin → apply (its own checks, rows, history and messages) → commit. Who may call it is the role
    /// its endpoint requires, checked before the request gets here.
    /// </summary>
    public async Task<WriteOutcome<TResult>> RunAsync<TRequest, TResult>(
        WriteHandler<TRequest, TResult> handler, TRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = handler.Validate(request, now);
        if (errors.Count > 0)
        {
            return WriteOutcome<TResult>.Invalid(errors, handler.InvalidTitle);
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var step = new WriteStep<TRequest, ClaimsPrincipal>(work, Guid.Empty, user, request, Caller.From(user), now);
        var outcome = await handler.ApplyAsync(step, cancellationToken);
        if (outcome.Succeeded)
        {
            await CommitAsync(work, handler, step.Caller, step.Audit.ItemId, step.Audit, cancellationToken);
            handler.Committed(outcome.Value!);
        }

        return outcome;
    }

    /// <summary>The write's audit entry, in its transaction, then the commit of both.</summary>
    private async Task CommitAsync(UnitOfWork work, object handler, Caller caller, Guid? itemId, AuditNote note, CancellationToken cancellationToken)
    {
        await work.PublishAsync(audit.Accepted(caller, OperationOf(handler), itemId, note.Text), cancellationToken);
        await work.CommitAsync(cancellationToken);
    }

    /// <summary>The operation's name where no endpoint gives one (a use case run by a consumer): the use case's, without "Handler".</summary>
    private static string OperationOf(object handler) => handler.GetType().Name is var name && name.EndsWith("Handler", StringComparison.Ordinal) ? name[..^7] : name;
}

/// <summary>
/// One use case that is not on one existing item: what it checks and what it changes. Its step's
/// target is the caller's principal, for checks that depend on what the caller may read.
/// </summary>
public abstract class WriteHandler<TRequest, TResult>(WritePath path)
{
    public abstract string InvalidTitle { get; }

    public virtual IDictionary<string, string[]> Validate(TRequest request, DateTimeOffset now) => new Dictionary<string, string[]>();

    public abstract Task<WriteOutcome<TResult>> ApplyAsync(WriteStep<TRequest, ClaimsPrincipal> step, CancellationToken cancellationToken);

    /// <summary>Runs once the change is committed (never for a refusal), for what must not happen before: waking a worker for it.</summary>
    public virtual void Committed(TResult result)
    {
    }

    public Task<WriteOutcome<TResult>> HandleAsync(TRequest request, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        path.RunAsync(this, request, user, cancellationToken);
}

/// <summary>
/// One use case that changes an item: what it checks, what it locks, which operation it is for the
/// authorization, and what it changes. The transaction, the authorization and the commit are
/// <see cref="WritePath"/>'s.
/// </summary>
public abstract class ItemWriteHandler<TRequest, TTarget, TResult>(WritePath path) where TTarget : class
{
    /// <summary>The title of the 400 when <see cref="Validate"/> finds errors.</summary>
    public abstract string InvalidTitle { get; }

    /// <summary>What the caller must be allowed to do with the item.</summary>
    public abstract ItemOperation OperationFor(TRequest request);

    /// <summary>The request's own checks, each error naming its field; no I/O.</summary>
    public virtual IDictionary<string, string[]> Validate(TRequest request, DateTimeOffset now) => new Dictionary<string, string[]>();

    /// <summary>The item, locked for the rest of the transaction; null when there is no such item.</summary>
    public abstract Task<TTarget?> LockAsync(UnitOfWork work, Guid itemId, TRequest request, CancellationToken cancellationToken);

    /// <summary>Who may see and act on the locked item; null when the service holds it but not (yet) as an item the caller could act on.</summary>
    public abstract ItemParties? PartiesOf(TTarget target);

    /// <summary>
    /// Whether the caller may do the request's operation on what was locked (null when it may): by default
    /// <see cref="ItemGuard"/> on <see cref="PartiesOf"/> for <see cref="OperationFor"/> — 404 for no item or
    /// one the caller may not see, 403 naming what the operation needs. A use case overrides it only when its
    /// item is reached through another record (a contact of an item: the item is authorized, a missing
    /// contact answered as such) or when who may act is not the item's parties' rule; like the guard, it
    /// tells nothing of the item's state.
    /// </summary>
    public virtual Task<ProblemDetails?> RefuseAsync(ItemGuard guard, ClaimsPrincipal user, Guid itemId, TTarget? target, TRequest request) =>
        guard.RefuseAsync(user, itemId, target is null ? null : PartiesOf(target), OperationFor(request));

    /// <summary>The change: the domain's refusals, the rows, the history and the messages to publish.</summary>
    public abstract Task<WriteOutcome<TResult>> ApplyAsync(WriteStep<TRequest, TTarget> step, CancellationToken cancellationToken);

    /// <summary>Runs once the change is committed (never for a refusal), for what must not happen before: waking a worker for it.</summary>
    public virtual void Committed(TResult result)
    {
    }

    public Task<WriteOutcome<TResult>> HandleAsync(Guid itemId, TRequest request, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        path.RunAsync(this, itemId, request, user, cancellationToken);
}
