using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.ContactScheduling.Apis;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Application;

/// <summary>A contact, locked with its item's contact task.</summary>
public sealed record LockedContact(ContactTaskRecord Task, ContactRow Contact);

/// <summary>
/// A use case on one contact, keyed by the contact's id: it locks the item's task and then the contact
/// (always in that order), authorizes the caller on the item — the lead unit's handlers and head; a
/// contact that is unknown is "no such contact" (404) — and, only after that, refuses a returned item
/// (409), so a stranger learns nothing of the item's return. The change itself is the use case's
/// <see cref="ChangeAsync"/>.
/// </summary>
public abstract class ContactWriteHandler<TRequest>(WritePath path) : ItemWriteHandler<TRequest, LockedContact, ContactView>(path)
{
    public override ItemOperation OperationFor(TRequest request) => ItemOperation.Handle;

    public sealed override async Task<LockedContact?> LockAsync(UnitOfWork work, Guid itemId, TRequest request, CancellationToken cancellationToken)
    {
        if (await ContactStore.ProposalOfAsync(work, itemId, cancellationToken) is not { } proposalId)
        {
            return null;
        }

        var task = await ContactRepository.LockTaskAsync(work, proposalId, cancellationToken);
        var contact = task is null ? null : await ContactStore.LockAsync(work, itemId, cancellationToken);
        return task is null || contact is null ? null : new LockedContact(task, contact);
    }

    public override ItemParties? PartiesOf(LockedContact target) => ContactItems.PartiesOf(target.Task);

    /// <summary>The item the contact belongs to is what the caller is authorized on; an unknown contact is answered as one.</summary>
    public override Task<ProblemDetails?> RefuseAsync(ItemGuard guard, ClaimsPrincipal user, Guid itemId, LockedContact? target, TRequest request) =>
        target is null
            ? Task.FromResult<ProblemDetails?>(Problems.NoContact(itemId))
            : guard.RefuseAsync(user, target.Task.ProposalId, PartiesOf(target), OperationFor(request));

    public sealed override async Task<WriteOutcome<ContactView>> ApplyAsync(WriteStep<TRequest, LockedContact> step, CancellationToken cancellationToken)
    {
        if (step.Target.Task.ClosedAt is not null)
        {
            return WriteOutcome<ContactView>.Refused(Problems.Returned(step.Target.Task));
        }

        // the audit trail names the item (the call named the contact) and what changed of the contact
        var contact = step.Target.Contact;
        var (status, start, end, outcome) = (contact.Status, contact.PlannedStart, contact.PlannedEnd, ContactAudit.OutcomeName(contact.Outcome));
        var changed = await ChangeAsync(step, cancellationToken);
        step.Audit.ItemId = step.Target.Task.ProposalId;
        step.Audit.Set("contact", contact.Id)
            .Changed("status", status, contact.Status)
            .Changed("plannedStart", start, contact.PlannedStart)
            .Changed("plannedEnd", end, contact.PlannedEnd)
            .Changed("outcome", outcome, ContactAudit.OutcomeName(contact.Outcome));
        return changed;
    }

    /// <summary>The change of the contact, on an item that was not returned: the domain's refusals, the rows, the history and the messages.</summary>
    protected abstract Task<WriteOutcome<ContactView>> ChangeAsync(WriteStep<TRequest, LockedContact> step, CancellationToken cancellationToken);
}

/// <summary>
/// A use case of a customs district on a visit entrusted to it. Who may act is not the item's parties'
/// rule (a district officer handles no item): it is an officer of the district the visit is entrusted
/// to, and no one else — to another district, the item's lead unit or the office the visit is "no such
/// contact" (404), as an unknown one. The endpoint's policy has already required a district officer.
/// </summary>
public abstract class EntrustedVisitWriteHandler<TRequest>(WritePath path) : ContactWriteHandler<TRequest>(path)
{
    public sealed override Task<ProblemDetails?> RefuseAsync(ItemGuard guard, ClaimsPrincipal user, Guid itemId, LockedContact? target, TRequest request) =>
        Task.FromResult<ProblemDetails?>(target is not null && ContactItems.IsEntrustedTo(target.Contact, Caller.From(user)) ? null : Problems.NoContact(itemId));
}

/// <summary>How a contact is named in the audit trail.</summary>
internal static class ContactAudit
{
    public static string? OutcomeName(short? outcome) => outcome is { } value ? ((ContactOutcome)value).ToString() : null;

    /// <summary>A new contact: its id, channel and time.</summary>
    public static void NoteNew<TRequest, TTarget>(WriteStep<TRequest, TTarget> step, ContactRow row) =>
        step.Audit.Set("contact", row.Id).Set("channel", ((ContactChannel)row.Channel).ToString()).Set("status", row.Status)
            .Set("at", row.OccurredAt ?? row.PlannedStart).Set("outcome", OutcomeName(row.Outcome));
}
