using MassTransit;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Reply.Data;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.Reply.Application;

/// <summary>
/// The proposal office puts items together for merged handling (并案), naming the lead item: its unit
/// drafts once for all. Every item is locked and checked; one that cannot join refuses the whole group
/// (409 naming each item and why). Answers the group's id.
/// </summary>
public sealed class FormHandlingGroupHandler(WritePath path) : WriteHandler<GroupSubmission, Guid>(path)
{
    public override string InvalidTitle => "The merged group is not valid.";

    public override IDictionary<string, string[]> Validate(GroupSubmission request, DateTimeOffset now) => HandlingGroupRules.Validate(request).Errors;

    public override async Task<WriteOutcome<Guid>> ApplyAsync(WriteStep<GroupSubmission, System.Security.Claims.ClaimsPrincipal> step, CancellationToken cancellationToken)
    {
        var (work, _, _, request, caller, now) = step;
        var items = HandlingGroupRules.Validate(request).Items;
        var cases = await HandlingGroupRepository.LockCasesAsync(work, items[0], items, cancellationToken);
        var unknown = items.Where(id => !cases.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            return WriteOutcome<Guid>.Invalid(
                unknown.Contains(items[0]) ? "leadProposalId" : "proposalIds",
                $"No assigned item has the id {string.Join(", ", unknown)}.",
                InvalidTitle);
        }

        var lead = cases[items[0]];
        var problems = HandlingGroupRules.RefuseForming(lead, [.. items.Select(id => cases[id])]);
        if (problems.Count > 0)
        {
            return WriteOutcome<Guid>.Conflict(
                HandlingGroupRules.CannotFormTitle,
                $"These items cannot join the group: {string.Join("; ", problems.Select(p => $"item {p.ProposalId}: {p.Problem}"))}.",
                new Dictionary<string, object?> { ["items"] = problems });
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var formed = new HandlingGroupFormed(NewId.NextGuid(), lead.ProposalId, lead.UnitCode!, items, caller.Name, now, note);
        await HandlingGroupRepository.FormAsync(work, formed, caller.Id, cancellationToken);
        await work.PublishAsync(formed, cancellationToken);
        step.Audit.ItemId = lead.ProposalId;
        step.Audit.Set("group", formed.GroupId).Set("items", string.Join(", ", items)).Set("note", note);
        return WriteOutcome<Guid>.Done(formed.GroupId);
    }
}
