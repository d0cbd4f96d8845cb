using ProposalPlatform.Contracts;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Reply.Domain;

/// <summary>The office's merged group (并案): the items, the lead among them, and why.</summary>
public sealed record GroupSubmission(Guid? LeadProposalId, IReadOnlyList<Guid>? ProposalIds, string? Note);

/// <summary>Why an item leaves its group, or the group ends (optional); who decided is the caller.</summary>
public sealed record GroupExit(string? Reason);

/// <summary>One item the group cannot take or cannot answer yet, and why.</summary>
public sealed record GroupItemProblem(Guid ProposalId, string Problem);

/// <summary>
/// Merged handling (并案): items of one lead unit handled together. The lead item's draft, sign-off
/// chain and publication decision are the group's; every item keeps its own contact and gets its own
/// formal reply. An item leaves before the group's draft is signed off, never after.
/// </summary>
public static class HandlingGroupRules
{
    public const int MaxItems = 100;
    public const int MaxNoteLength = 500;

    public const string CannotFormTitle = "The items cannot be handled together.";
    public const string SignedOffTitle = "The group's draft is signed off.";
    public const string LeadLeavingTitle = "The lead item cannot leave its group.";

    /// <summary>The items (the lead first, each once), or the errors by field.</summary>
    public static (IReadOnlyList<Guid> Items, Dictionary<string, string[]> Errors) Validate(GroupSubmission submission)
    {
        var errors = new Dictionary<string, string[]>();
        if (submission.LeadProposalId is null || submission.LeadProposalId == Guid.Empty)
        {
            errors["leadProposalId"] = ["Name the lead item, whose unit drafts the group's reply."];
        }

        var items = new List<Guid>();
        if (submission.LeadProposalId is { } lead && lead != Guid.Empty)
        {
            items.Add(lead);
        }

        if (submission.ProposalIds is null || submission.ProposalIds.Count == 0)
        {
            errors["proposalIds"] = ["List the items handled together, the lead among them."];
        }
        else if (submission.ProposalIds.Any(id => id == Guid.Empty))
        {
            errors["proposalIds"] = ["An item id is missing from the list."];
        }
        else
        {
            items.AddRange(submission.ProposalIds.Where(id => !items.Contains(id)).Distinct());
            if (items.Count < 2)
            {
                errors["proposalIds"] = ["A merged group has at least two items."];
            }
            else if (items.Count > MaxItems)
            {
                errors["proposalIds"] = [$"A merged group has at most {MaxItems} items."];
            }
        }

        if (TextLimits.Exceeded(submission.Note?.Trim(), MaxNoteLength) is { } tooLong)
        {
            errors["note"] = [tooLong];
        }

        return (items, errors);
    }

    /// <summary>
    /// What keeps each item out of a group led by <paramref name="lead"/>: it must be assigned to this
    /// body, led (not co-handled) by the lead's unit, not replied to or returned, in no other open group;
    /// and a key item (重点) goes only into a group whose lead is key, so the group's one sign-off chain
    /// includes the proposal office.
    /// </summary>
    public static IReadOnlyList<GroupItemProblem> RefuseForming(ReplyCase lead, IReadOnlyList<ReplyCase> items)
    {
        var problems = new List<GroupItemProblem>();
        foreach (var item in items)
        {
            var problem = item switch
            {
                { AssignedAt: null, ReturnedAt: null } => "it is not assigned yet",
                { ReturnedAt: not null } => "it was returned to the assigning office",
                { IssuedAt: not null } => $"its reply of round {item.Round} was issued",
                { HandlingMode: HandlingMode.CoHandling } => "this body only co-handles it",
                { Group: { } other } => $"it is in merged group {other.GroupId} already",
                _ when item.UnitCode != lead.UnitCode => $"it is led by {item.UnitCode} rather than by the lead item's unit {lead.UnitCode}: reassign it first",
                { IsKeyItem: true } when !lead.IsKeyItem => "it is a key item (重点) under a lead that is not: make a key item the lead",
                _ => null,
            };
            if (problem is not null)
            {
                problems.Add(new GroupItemProblem(item.ProposalId, problem));
            }
        }

        return problems;
    }

    /// <summary>Why <paramref name="proposalId"/> may not leave the group led by <paramref name="lead"/>, or null when it may.</summary>
    public static Refusal? RefuseLeaving(ReplyCase lead, Guid proposalId) =>
        proposalId == lead.ProposalId
            ? new Refusal(LeadLeavingTitle, $"Item {proposalId} leads its group: dissolve the group, or form a new one with another lead.")
            : RefuseChange(lead);

    /// <summary>Why the group led by <paramref name="lead"/> may no longer change, or null: once its draft is signed off it stays as it is.</summary>
    public static Refusal? RefuseChange(ReplyCase lead) =>
        lead.SignOffStatus == SignOffStatus.SignedOff
            ? new Refusal(SignedOffTitle, $"Draft version {lead.DraftVersion} of the group led by item {lead.ProposalId} is signed off: its items stay together until their replies are issued.")
            : null;

    /// <summary>The lead's draft, sign-off and publication, as an item of its group is answered with them.</summary>
    public static ReplyCase AsAnsweredBy(ReplyCase member, ReplyCase lead) => member with
    {
        DraftText = lead.DraftText,
        DraftVersion = lead.DraftVersion,
        SignOffs = lead.SignOffs,
        IsKeyItem = lead.IsKeyItem,
        Group = null,
    };
}
