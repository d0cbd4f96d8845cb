using Dapper;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.Reply.Data;

/// <summary>An open merged group as its writers lock it: the group row, and the items still in it.</summary>
public sealed record OpenGroup(Guid GroupId, Guid LeadProposalId, string UnitCode, IReadOnlyList<Guid> ProposalIds);

/// <summary>
/// The writes of merged handling (并案). Every writer locks the items' <c>reply_cases</c> rows first (the
/// lead, then the others in id order, as <see cref="LockCasesAsync"/> does), so a group changes under the
/// same locks as its items, and two writers of one group never wait for each other.
/// </summary>
public static class HandlingGroupRepository
{
    /// <summary>
    /// The cases of <paramref name="lead"/> and <paramref name="others"/>, each locked and read as
    /// <see cref="ReplyRepository.LockAsync"/> does, in that order (the others in id order); unknown ids are left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, ReplyCase>> LockCasesAsync(UnitOfWork work, Guid lead, IEnumerable<Guid> others, CancellationToken cancellationToken)
    {
        var cases = new Dictionary<Guid, ReplyCase>();
        foreach (var id in others.Where(id => id != lead).Distinct().Order().Prepend(lead))
        {
            if (await ReplyRepository.LockAsync(work, id, cancellationToken) is { } found)
            {
                cases[id] = found;
            }
        }

        return cases;
    }

    /// <summary>The open group <paramref name="groupId"/> with its items, or null when there is none open of that id.</summary>
    public static async Task<OpenGroup?> FindOpenAsync(UnitOfWork work, Guid groupId, CancellationToken cancellationToken)
    {
        var group = await work.Connection.QuerySingleOrDefaultAsync<(Guid GroupId, Guid LeadProposalId, string UnitCode)?>(new CommandDefinition(
            """
            SELECT group_id, lead_proposal_id, unit_code FROM handling_groups
            WHERE group_id = @groupId AND issued_at IS NULL AND dissolved_at IS NULL
            """,
            new { groupId }, work.Transaction, cancellationToken: cancellationToken));
        if (group is not { } open)
        {
            return null;
        }

        var members = await work.Connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT proposal_id FROM handling_group_members WHERE group_id = @groupId AND active ORDER BY joined_at, proposal_id",
            new { groupId }, work.Transaction, cancellationToken: cancellationToken));
        return new OpenGroup(open.GroupId, open.LeadProposalId, open.UnitCode, [.. members]);
    }

    public static async Task FormAsync(UnitOfWork work, HandlingGroupFormed formed, string? byId, CancellationToken cancellationToken)
    {
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO handling_groups (group_id, lead_proposal_id, unit_code, note, formed_by, formed_by_id, formed_at)
            VALUES (@GroupId, @LeadProposalId, @UnitCode, @Note, @By, @byId, @FormedAt)
            """,
            new { formed.GroupId, formed.LeadProposalId, formed.UnitCode, formed.Note, formed.By, byId, formed.FormedAt },
            work.Transaction, cancellationToken: cancellationToken));
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO handling_group_members (group_id, proposal_id, joined_at)
            SELECT @groupId, id, @at FROM unnest(@ids) AS id
            """,
            new { groupId = formed.GroupId, ids = formed.ProposalIds.ToArray(), at = formed.FormedAt },
            work.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Takes <paramref name="proposalId"/> out of <paramref name="group"/> and publishes it; the lead
    /// leaving, or a group down to one item, ends the group instead.
    /// </summary>
    public static async Task RemoveAsync(UnitOfWork work, OpenGroup group, Guid proposalId, string reason, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var remaining = group.ProposalIds.Where(id => id != proposalId).ToList();
        if (proposalId == group.LeadProposalId || remaining.Count < 2)
        {
            await DissolveAsync(work, group, remaining.Count < 2 && proposalId != group.LeadProposalId
                ? $"Only one item was left after item {proposalId} left: {reason}"
                : reason, by, at, cancellationToken);
            return;
        }

        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE handling_group_members SET active = false, left_at = @at, left_by = @by, left_reason = @reason
            WHERE group_id = @groupId AND proposal_id = @proposalId AND active
            """,
            new { groupId = group.GroupId, proposalId, at, by, reason }, work.Transaction, cancellationToken: cancellationToken));
        await work.PublishAsync(new ItemLeftHandlingGroup(group.GroupId, proposalId, reason, by, at), cancellationToken);
    }

    /// <summary>Ends <paramref name="group"/> before its replies: every item is handled on its own again.</summary>
    public static async Task DissolveAsync(UnitOfWork work, OpenGroup group, string reason, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE handling_groups SET dissolved_at = @at, dissolved_by = @by, dissolved_reason = @reason WHERE group_id = @groupId;
            UPDATE handling_group_members SET active = false WHERE group_id = @groupId AND active;
            """,
            new { groupId = group.GroupId, at, by, reason }, work.Transaction, cancellationToken: cancellationToken));
        await work.PublishAsync(new HandlingGroupDissolved(group.GroupId, group.ProposalIds, reason, by, at), cancellationToken);
    }

    /// <summary>The group's replies are out: it is closed, and its items are free for a later round on their own.</summary>
    public static Task CloseIssuedAsync(UnitOfWork work, Guid groupId, DateTimeOffset at, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE handling_groups SET issued_at = @at WHERE group_id = @groupId;
            UPDATE handling_group_members SET active = false WHERE group_id = @groupId AND active;
            """,
            new { groupId, at }, work.Transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// An item reassigned to another unit or returned cannot stay in its group; <paramref name="keepFor"/>
    /// names a unit it may stay for (a reassignment to the group's own unit).
    /// </summary>
    public static async Task ReleaseAsync(UnitOfWork work, Guid proposalId, string reason, DateTimeOffset at, string? keepFor, CancellationToken cancellationToken)
    {
        var groupId = await work.Connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT group_id FROM handling_group_members WHERE proposal_id = @proposalId AND active",
            new { proposalId }, work.Transaction, cancellationToken: cancellationToken));
        if (groupId is { } id && await FindOpenAsync(work, id, cancellationToken) is { } group && group.UnitCode != keepFor)
        {
            await RemoveAsync(work, group, proposalId, reason, "reply service", at, cancellationToken);
        }
    }
}
