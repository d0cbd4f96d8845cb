using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace ProposalPlatform.ServiceDefaults;

/// <summary>
/// A caller whose token is valid but whose roles do not allow the endpoint gets a 403 ProblemDetails
/// that names what the operation needs, instead of an empty 403.
/// </summary>
public sealed class ProblemDetailsAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        await PlatformProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "This operation is not yours to do.", Explain(authorizeResult.AuthorizationFailure));
    }

    public static string Explain(AuthorizationFailure? failure)
    {
        var reasons = failure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
        foreach (var requirement in failure?.FailedRequirements ?? [])
        {
            if (requirement is RolesAuthorizationRequirement roles)
            {
                reasons.Add($"It needs the role {string.Join(" or ", roles.AllowedRoles)}.");
            }
        }

        return reasons.Count > 0 ? string.Join(" ", reasons.Distinct()) : "Your roles and unit do not allow it.";
    }
}
