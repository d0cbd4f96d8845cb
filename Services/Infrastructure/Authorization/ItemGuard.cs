using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using ProposalPlatform.Contracts.Audit;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Infrastructure.Authorization;

/// <summary>
/// Asks <see cref="IAuthorizationService"/> whether the caller may do an operation with an item, and
/// says no the one way the platform says it: 404 with no content for an item the caller may not see
/// (or that does not exist: the two are never told apart), 403 naming what the operation needs.
/// </summary>
public sealed class ItemGuard(IAuthorizationService authorization, IHttpContextAccessor http)
{
    /// <summary>Null when allowed; otherwise the ProblemDetails to answer with.</summary>
    public async Task<ProblemDetails?> RefuseAsync(ClaimsPrincipal user, Guid itemId, ItemParties? item, ItemOperation operation)
    {
        if (item is null)
        {
            return NotFound(itemId);
        }

        var result = await authorization.AuthorizeAsync(user, item, new ItemRequirement(operation));
        if (result.Succeeded)
        {
            return null;
        }

        // the audit trail hears of both: who asked for an item not theirs, who tried what was not theirs to do
        var reasons = result.Failure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
        if (reasons.Count == 0 || reasons.Contains(ItemAuthorizationHandler.HiddenReason))
        {
            http.HttpContext?.AuditRefusal(AuditOutcomes.Hidden, StatusCodes.Status404NotFound, $"The item is not the caller's to see ({operation}).", itemId);
            return NotFound(itemId);
        }

        var forbidden = PlatformProblems.Forbidden(string.Join(" ", reasons));
        http.HttpContext?.AuditRefusal(AuditOutcomes.Forbidden, StatusCodes.Status403Forbidden, forbidden.Detail!, itemId);
        return forbidden;
    }

    /// <summary>
    /// For a read of one item: true when the caller may see it; false for one not the caller's, which the
    /// audit trail hears of (the caller is answered 404 as for no item).
    /// </summary>
    public async Task<bool> MayShowAsync(ClaimsPrincipal user, Guid itemId, ItemParties item)
    {
        if (await MayReadAsync(user, item))
        {
            return true;
        }

        http.HttpContext?.AuditRefusal(AuditOutcomes.Hidden, StatusCodes.Status404NotFound, "The item is not the caller's to see (Read).", itemId);
        return false;
    }

    /// <summary>True when the caller may see the item at all (for filtering what a list shows: nothing is recorded).</summary>
    public async Task<bool> MayReadAsync(ClaimsPrincipal user, ItemParties item) =>
        (await authorization.AuthorizeAsync(user, item, new ItemRequirement(ItemOperation.Read))).Succeeded;

    public static ProblemDetails NotFound(Guid itemId) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No such item.",
        Detail = $"Item {itemId} is unknown here, or not yours to see.",
    };
}
