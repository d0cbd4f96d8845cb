using System.Security.Claims;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Reply.Data;
using ProposalPlatform.Reply.Domain;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Reply.Application;

/// <summary>An item of an open group leaves it (<see cref="ProposalId"/>), or the whole group ends (null); with the office's reason.</summary>
public sealed record GroupChange(Guid GroupId, Guid? ProposalId, string? Reason);

/// <summary>
/// The proposal office takes an item out of its merged group, or dissolves the group, before the
/// group's draft is signed off; a group down to one item ends. Every item of the group is locked first.
/// Answers the group's id.
/// </summary>
public sealed class ChangeHandlingGroupHandler(WritePath path) : WriteHandler<GroupChange, Guid>(path)
{
    public const int MaxReasonLength = 500;

    public override string InvalidTitle => "The change of the merged group is not valid.";

    public override IDictionary<string, string[]> Validate(GroupChange request, DateTimeOffset now) =>
        TextLimits.Exceeded(request.Reason?.Trim(), MaxReasonLength) is { } tooLong
            ? new Dictionary<string, string[]> { ["reason"] = [tooLong] }
            : new Dictionary<string, string[]>();

    public override async Task<WriteOutcome<Guid>> ApplyAsync(WriteStep<GroupChange, ClaimsPrincipal> step, CancellationToken cancellationToken)
    {
        var (work, _, _, (groupId, proposalId, reason), caller, now) = step;
        // the items first, in the order every writer of a group takes; then the group as they left it
        var members = await HandlingGroupRepository.FindOpenAsync(work, groupId, cancellationToken);
        var cases = members is null ? null : await HandlingGroupRepository.LockCasesAsync(work, members.LeadProposalId, members.ProposalIds, cancellationToken);
        var group = cases is null ? null : await HandlingGroupRepository.FindOpenAsync(work, groupId, cancellationToken);
        if (group is null || (proposalId is { } item && !group.ProposalIds.Contains(item)))
        {
            return WriteOutcome<Guid>.Refused(StatusCodes.Status404NotFound, "No such open group or item in it.",
                proposalId is null ? $"No open merged group has the id {groupId}." : $"Item {proposalId} is not in an open merged group {groupId}.");
        }

        var lead = cases![group.LeadProposalId];
        var refusal = proposalId is { } leaving ? HandlingGroupRules.RefuseLeaving(lead, leaving) : HandlingGroupRules.RefuseChange(lead);
        if (refusal is not null)
        {
            return WriteOutcome<Guid>.Conflict(refusal.Title, refusal.Detail);
        }

        var why = string.IsNullOrWhiteSpace(reason) ? "Decided by the proposal office" : reason.Trim();
        if (proposalId is { } id)
        {
            await HandlingGroupRepository.RemoveAsync(work, group, id, why, caller.Name, now, cancellationToken);
        }
        else
        {
            await HandlingGroupRepository.DissolveAsync(work, group, why, caller.Name, now, cancellationToken);
        }

        step.Audit.ItemId = proposalId ?? group.LeadProposalId;
        step.Audit.Set("group", groupId).Set(proposalId is null ? "dissolved" : "left", proposalId?.ToString() ?? string.Join(", ", group.ProposalIds)).Set("reason", why);
        return WriteOutcome<Guid>.Done(groupId);
    }
}
