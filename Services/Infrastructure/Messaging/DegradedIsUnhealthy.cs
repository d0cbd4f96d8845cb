using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProposalPlatform.Infrastructure.Messaging;

/// <summary>
/// A check whose Degraded is Unhealthy: for a service that consumes, an endpoint of its cut off from the
/// broker means messages wait, so the service is not ready (and <c>/health</c> answers 503).
/// </summary>
public sealed class DegradedIsUnhealthy(IHealthCheck check) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await check.CheckHealthAsync(context, cancellationToken);
        return result.Status == HealthStatus.Degraded
            ? new HealthCheckResult(HealthStatus.Unhealthy, result.Description, result.Exception, result.Data)
            : result;
    }
}
