using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace ProposalPlatform.Identity.Hosting;

/// <summary>
/// A refused API call ends as ProblemDetails like every other error: 401 when the bearer token is
/// missing or not valid, 403 naming the role the endpoint needs. The challenge and the forbid of the
/// token validation still run first, for their WWW-Authenticate header.
/// </summary>
public sealed class ProblemDetailsAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await _default.HandleAsync(next, context, policy, authorizeResult);
        if (authorizeResult.Succeeded || context.Response.HasStarted)
        {
            return;
        }

        var problem = authorizeResult.Forbidden
            ? new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "The caller may not do this.",
                Detail = $"This needs the role {string.Join(" or ", NeededRoles(policy))}.",
            }
            : new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "A valid access token is needed.",
                Detail = "Send an access token of the platform's identity service as 'Authorization: Bearer <token>'.",
            };
        context.Response.StatusCode = problem.Status!.Value;
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    public static IEnumerable<string> NeededRoles(AuthorizationPolicy policy) =>
        policy.Requirements.OfType<ClaimsAuthorizationRequirement>().SelectMany(r => r.AllowedValues ?? [])
            .Concat(policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles));
}
