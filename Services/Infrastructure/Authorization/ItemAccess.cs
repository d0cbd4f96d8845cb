using Microsoft.AspNetCore.Authorization;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.Infrastructure.Authorization;

/// <summary>What a service knows of an item's parties, which is all its authorization looks at.</summary>
/// <param name="LeadUnit">The unit that handles it and replies (lead, sole or separate); null before assignment.</param>
/// <param name="CoHandlers">The units that owe the lead unit a written opinion.</param>
/// <param name="SubmittingUnit">The customs district that registered it as a local item, if one did.</param>
public sealed record ItemParties(string? LeadUnit, IReadOnlyCollection<string> CoHandlers, string? SubmittingUnit = null)
{
    public static readonly ItemParties Unassigned = new(null, []);
}

/// <summary>What a caller wants to do with an item (the domain's "who may do what").</summary>
public enum ItemOperation
{
    /// <summary>See the item and its records.</summary>
    Read,
    /// <summary>Contacts, entrusting a visit, drafts, issuing the reply, feedback: the lead unit's handlers and head.</summary>
    Handle,
    /// <summary>The handler's step of the sign-off chain (submitting the draft).</summary>
    SignOffAsHandler,
    /// <summary>The unit head's step of the sign-off chain.</summary>
    SignOffAsUnitHead,
    /// <summary>The proposal office's step for key items.</summary>
    SignOffAsOffice,
    /// <summary>The written opinion of a co-handling unit.</summary>
    Opinion,
    /// <summary>Assignment, reassignment, returns, extensions, co-handlers, corrections: the proposal office.</summary>
    Administer,
}

/// <summary>The answer to "may the caller do this with the item": yes, no (403, with why), or "no such item" (404).</summary>
public enum AccessVerdict
{
    Allowed,
    Forbidden,
    Hidden,
}

public sealed record AccessDecision(AccessVerdict Verdict, string? Reason = null)
{
    public static readonly AccessDecision Allowed = new(AccessVerdict.Allowed);
    public static readonly AccessDecision Hidden = new(AccessVerdict.Hidden);

    public static AccessDecision Forbidden(string reason) => new(AccessVerdict.Forbidden, reason);
}

/// <summary>The domain's rules of who may do what with an item, as plain code: the unit tests hit these.</summary>
public static class ItemAccessRules
{
    public static AccessDecision Decide(Caller caller, ItemParties item, ItemOperation operation)
    {
        if (!MayRead(caller, item))
        {
            return AccessDecision.Hidden;
        }

        return operation switch
        {
            ItemOperation.Read => AccessDecision.Allowed,
            ItemOperation.Handle => caller.WorksFor(item.LeadUnit)
                ? AccessDecision.Allowed
                : AccessDecision.Forbidden($"It is done by a {PlatformRoles.UnitHandler} or the {PlatformRoles.UnitHead} of the lead unit {item.LeadUnit ?? "(not yet assigned)"}."),
            ItemOperation.SignOffAsHandler => caller.IsOf(item.LeadUnit) && caller.Has(PlatformRoles.UnitHandler)
                ? AccessDecision.Allowed
                : AccessDecision.Forbidden($"The handler's step is taken by a {PlatformRoles.UnitHandler} of {item.LeadUnit}."),
            ItemOperation.SignOffAsUnitHead => caller.IsOf(item.LeadUnit) && caller.Has(PlatformRoles.UnitHead)
                ? AccessDecision.Allowed
                : AccessDecision.Forbidden($"The unit head's step is taken by the {PlatformRoles.UnitHead} of {item.LeadUnit}."),
            ItemOperation.SignOffAsOffice => caller.IsOffice
                ? AccessDecision.Allowed
                : AccessDecision.Forbidden($"The key-item sign-off is the {PlatformRoles.ProposalOffice}'s."),
            ItemOperation.Opinion => item.CoHandlers.Any(caller.WorksFor)
                ? AccessDecision.Allowed
                : AccessDecision.Forbidden($"The written opinion is given by a {PlatformRoles.UnitHandler} or {PlatformRoles.UnitHead} of a co-handling unit."),
            ItemOperation.Administer => caller.IsOffice
                ? AccessDecision.Allowed
                : AccessDecision.Forbidden($"It is the {PlatformRoles.ProposalOffice}'s to do."),
            _ => AccessDecision.Forbidden("Unknown operation."),
        };
    }

    /// <summary>
    /// The office reads everything; a unit's handlers and head the items it leads or co-handles; a
    /// district's officers the items it registered or handles; operations staff no item at all.
    /// </summary>
    public static bool MayRead(Caller caller, ItemParties item) =>
        caller.IsOffice
        || item.CoHandlers.Any(caller.WorksFor)
        || caller.WorksFor(item.LeadUnit)
        || (caller.IsDistrictOfficer && (caller.IsOf(item.SubmittingUnit) || caller.IsOf(item.LeadUnit)));
}

/// <summary>An <see cref="ItemOperation"/> as an ASP.NET Core authorization requirement.</summary>
public sealed record ItemRequirement(ItemOperation Operation) : IAuthorizationRequirement;

/// <summary>Resource-based authorization of items: <see cref="ItemAccessRules"/> behind <see cref="IAuthorizationService"/>.</summary>
public sealed class ItemAuthorizationHandler : AuthorizationHandler<ItemRequirement, ItemParties>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ItemRequirement requirement, ItemParties resource)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        var decision = ItemAccessRules.Decide(Caller.From(context.User), resource, requirement.Operation);
        if (decision.Verdict == AccessVerdict.Allowed)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, decision.Verdict == AccessVerdict.Hidden ? HiddenReason : decision.Reason!));
        }

        return Task.CompletedTask;
    }

    /// <summary>The reason of a refusal whose answer is "no such item".</summary>
    public const string HiddenReason = "hidden";
}
