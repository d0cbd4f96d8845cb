using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ProposalPlatform.Contracts.Audit;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Infrastructure.Authorization;

namespace ProposalPlatform.Infrastructure.Audit;

/// <summary>The name the process's audit entries carry as their service.</summary>
public sealed record AuditSource(string Service);

/// <summary>
/// Makes the process's audit entries: who, which operation, on what, when, and the trace. When is the
/// real time, whatever clock the service's rules run on (tests move theirs).
/// </summary>
public sealed class AuditTrail(AuditSource source, IHttpContextAccessor http)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    /// <summary>The entry of an accepted write; <paramref name="fallbackOperation"/> names it where no endpoint does.</summary>
    public AuditRecorded Accepted(Caller caller, string fallbackOperation, Guid? itemId, string? summary)
    {
        var context = http.HttpContext;
        return new AuditRecorded(
            Guid.CreateVersion7(), Clock.GetUtcNow(), source.Service, OperationOf(context, fallbackOperation), AuditOutcomes.Accepted,
            0, caller.Id, caller.Name, caller.UnitCode, [.. caller.Roles.Order(StringComparer.Ordinal)],
            Bounded(context?.Request.Path.Value), itemId, summary, TraceId());
    }

    /// <summary>The entry of a refused request.</summary>
    public AuditRecorded Refused(HttpContext context, string outcome, int status, string detail, Guid? itemId)
    {
        var at = Clock.GetUtcNow();
        var operation = OperationOf(context, Bounded($"{context.Request.Method} {context.Request.Path}")!);
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(PlatformClaims.Subject) is not null)
        {
            var caller = Caller.From(context.User);
            return new AuditRecorded(
                Guid.CreateVersion7(), at, source.Service, operation, outcome, status, caller.Id, caller.Name, caller.UnitCode,
                [.. caller.Roles.Order(StringComparer.Ordinal)], Bounded(context.Request.Path.Value), itemId, detail, TraceId());
        }

        // an anonymous caller is only where it called from (the gateway sees the client's address, a service the gateway's)
        return new AuditRecorded(
            Guid.CreateVersion7(), at, source.Service, operation, outcome, status, context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            string.Empty, null, [], Bounded(context.Request.Path.Value), itemId, detail, TraceId());
    }

    /// <summary>The entry of what a service did outside a request (an identity event: a sign-in that failed, a lockout).</summary>
    public AuditRecorded Event(string operation, string outcome, int status, string actorId, string actorName, string? unit, IReadOnlyList<string> roles, string? summary)
    {
        var context = http.HttpContext;
        return new AuditRecorded(
            Guid.CreateVersion7(), Clock.GetUtcNow(), source.Service, operation, outcome, status, actorId, actorName, unit, roles,
            Bounded(context?.Request.Path.Value), null, summary, TraceId());
    }

    /// <summary>The operation as the OpenAPI documents name it: the endpoint's name.</summary>
    public static string OperationOf(HttpContext? context, string fallback) =>
        context?.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is { Length: > 0 } name ? name : fallback;

    /// <summary>A path as the trail keeps it: what a caller sent, cut short (a refused path may be anything up to the server's limit).</summary>
    private static string? Bounded(string? path) =>
        path is { Length: > MaxPathLength } ? string.Concat(path.AsSpan(0, MaxPathLength - 1), "…") : path;

    private const int MaxPathLength = 300;

    private static string? TraceId() => Activity.Current is { } activity ? activity.TraceId.ToHexString() : null;
}
