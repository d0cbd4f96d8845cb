using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using ProposalPlatform.Contracts.Audit;

namespace ProposalPlatform.ServiceDefaults;

/// <summary>
/// A refused call ends as ProblemDetails like every other error: a caller whose token is valid but
/// whose roles do not allow the endpoint gets a 403 that names what the operation needs; a caller
/// without a valid token the 401 of the authentication scheme's challenge (with its WWW-Authenticate
/// header), given a ProblemDetails body where the scheme wrote none.
/// </summary>
public sealed class ProblemDetailsAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var forbidden = PlatformProblems.Forbidden(Explain(authorizeResult.AuthorizationFailure));
            context.AuditRefusal(AuditOutcomes.Forbidden, StatusCodes.Status403Forbidden, forbidden.Detail!);
            await PlatformProblems.WriteAsync(context, forbidden);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
        if (authorizeResult.Challenged && !context.Response.HasStarted)
        {
            await PlatformProblems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Authentication is required.",
                "Send an access token from the identity service as 'Authorization: Bearer …'.");
        }
    }

    public static string Explain(AuthorizationFailure? failure)
    {
        var reasons = failure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
        foreach (var requirement in failure?.FailedRequirements ?? [])
        {
            var allowed = requirement switch
            {
                RolesAuthorizationRequirement roles => roles.AllowedRoles,
                ClaimsAuthorizationRequirement { ClaimType: "role", AllowedValues: { } values } => values,
                _ => null,
            };
            if (allowed is not null)
            {
                reasons.Add($"It needs the role {string.Join(" or ", allowed)}.");
            }
        }

        return reasons.Count > 0 ? string.Join(" ", reasons.Distinct()) : "Your roles and unit do not allow it.";
    }
}
