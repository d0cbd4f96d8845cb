using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.ContactScheduling.Apis;

/// <summary>
/// A contact: planned (times, no outcome), done (outcome) or cancelled. <paramref name="History"/> is
/// every change, oldest first; it is left out (null) in the task view. <paramref name="EntrustingUnitCode"/>
/// is given in a district's list of entrusted visits only: the unit whose contact the visit is.
/// </summary>
public sealed record ContactView(
    Guid Id,
    string Channel,
    DateTimeOffset? OccurredAt,
    string? Outcome,
    string? Handler,
    string? Notes,
    DateTimeOffset RecordedAt,
    Guid ProposalId,
    string Status,
    int Round,
    DateTimeOffset? PlannedStart,
    DateTimeOffset? PlannedEnd,
    string? SubmitterName,
    bool WithLeadSubmitter,
    string? EntrustedUnitCode,
    string? ReportedByUnitCode,
    string? Report,
    string? CancelledReason,
    IReadOnlyList<ContactChangeView>? History = null,
    string? EntrustingUnitCode = null)
{
    public static ContactView From(ContactRow c, IReadOnlyList<ContactChange>? history = null) => new(
        c.Id,
        ((ContactChannel)c.Channel).ToString(),
        c.OccurredAt,
        c.Outcome is { } outcome ? ((ContactOutcome)outcome).ToString() : null,
        c.Handler,
        c.Notes,
        c.RecordedAt,
        c.ProposalId,
        c.Status,
        c.Round,
        c.PlannedStart,
        c.PlannedEnd,
        c.SubmitterName,
        c.WithLeadSubmitter,
        c.EntrustedUnitCode,
        c.ReportedByUnitCode,
        c.Report,
        c.CancelledReason,
        history?.Select(ContactChangeView.From).ToList());
}

/// <summary>One change of a contact: who, when, why, and the old and new time where the time moved.</summary>
public sealed record ContactChangeView(
    string Kind, string By, DateTimeOffset At, string? Reason,
    DateTimeOffset? OldStart, DateTimeOffset? OldEnd, DateTimeOffset? NewStart, DateTimeOffset? NewEnd)
{
    public static ContactChangeView From(ContactChange c) => new(c.Kind, c.By, c.At, c.Reason, c.OldStart, c.OldEnd, c.NewStart, c.NewEnd);
}

/// <param name="Round">The current handling round: 1, or N after the item was reopened.</param>
/// <param name="Completed">The current round's contact requirement is met.</param>
/// <param name="Closed">The item was returned to the assigning office: no contact is recorded for it any more.</param>
public sealed record ContactTaskView(
    Guid ProposalId,
    string UnitCode,
    DateTimeOffset OpenedAt,
    bool Completed,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<ContactView> Contacts,
    bool Closed,
    DateTimeOffset? ClosedAt,
    string? ClosedReason,
    int Round,
    DateTimeOffset RoundOpenedAt,
    string? LeadSubmitterName,
    IReadOnlyList<string> CoSignerNames)
{
    /// <param name="submitters">Whom the contact may be with (names only); null until intake's registration has arrived.</param>
    public static ContactTaskView From(ContactTaskRecord task, IReadOnlyList<ContactRow> contacts, ItemSubmitters? submitters) => new(
        task.ProposalId,
        task.UnitCode,
        task.OpenedAt,
        task.CompletedAt is not null,
        task.CompletedAt,
        contacts.Select(c => ContactView.From(c)).ToList(),
        task.ClosedAt is not null,
        task.ClosedAt,
        task.ClosedReason,
        task.Round,
        task.RoundOpenedAt,
        submitters?.LeadSubmitterName,
        submitters?.CoSignerNames ?? []);
}
