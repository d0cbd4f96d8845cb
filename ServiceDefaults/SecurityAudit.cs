using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ProposalPlatform.ServiceDefaults;

/// <summary>
/// Where a refusal that matters for security is told to the audit trail: a request without a valid
/// token (401), one for an operation that is not the caller's (403), one for an item the caller may
/// not see (answered 404). A process without an audit trail registered records nothing.
/// </summary>
public interface ISecurityAudit
{
    /// <param name="context">The refused request: who sent it, to which operation.</param>
    /// <param name="outcome">What kind of refusal (the audit trail's outcomes: Unauthenticated, Forbidden, Hidden, …).</param>
    /// <param name="status">The status answered.</param>
    /// <param name="detail">Why, in a few words; never personal data.</param>
    /// <param name="itemId">The item asked for, when there is one.</param>
    void Refused(HttpContext context, string outcome, int status, string detail, Guid? itemId = null);
}

public static class SecurityAuditExtensions
{
    /// <summary>Tells the process's audit trail, if it has one, that this request was refused.</summary>
    public static void AuditRefusal(this HttpContext context, string outcome, int status, string detail, Guid? itemId = null) =>
        context.RequestServices.GetService<ISecurityAudit>()?.Refused(context, outcome, status, detail, itemId);
}
