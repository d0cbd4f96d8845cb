using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.Gateway;

/// <summary>How many calls a second each client may make through the gateway (section <c>Gateway:RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Gateway:RateLimits";

    /// <summary>A machine client of the proposal office (its scripts send whole sessions and steady single items).</summary>
    [Range(1, 100_000)]
    public int OfficeClientPerSecond { get; set; } = 1_000;

    /// <summary>Any other caller with a token: a person in a browser, a district's system.</summary>
    [Range(1, 100_000)]
    public int PerSecond { get; set; } = 50;

    /// <summary>Callers without a token yet (sign-in, tokens), by address: many people may share one.</summary>
    [Range(1, 100_000)]
    public int AnonymousPerSecond { get; set; } = 200;

    /// <summary>How many calls beyond the rate a client may make at once before it is held to it.</summary>
    [Range(1, 100_000)]
    public int BurstSeconds { get; set; } = 2;
}

/// <summary>
/// Each caller has its own budget, partitioned by its token's subject (by its address before it has
/// one): a client that floods the gateway is answered 429 with Retry-After, and the others' calls go
/// on as before.
/// </summary>
public static class ClientRateLimits
{
    public const string Policy = "per-client";

    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var (key, perSecond) = BudgetOf(context.User, context.Connection.RemoteIpAddress?.ToString(), options);
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond * options.BurstSeconds,
                    TokensPerPeriod = Math.Max(1, perSecond / 10),
                    ReplenishmentPeriod = Period,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await PlatformProblems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests.",
                    $"This client has used its budget of calls for now; nothing was changed by this request. Retry after {retryAfter} s.");
            };
        });
        return services;
    }

    /// <summary>Whose budget a call is taken from, and that budget's rate.</summary>
    public static (string Key, int PerSecond) BudgetOf(ClaimsPrincipal user, string? address, RateLimitOptions options)
    {
        if (user.FindFirst(PlatformClaims.Subject)?.Value is not { Length: > 0 } subject)
        {
            return ("address:" + (address ?? "unknown"), options.AnonymousPerSecond);
        }

        var officeClient = user.HasClaim(PlatformClaims.Role, PlatformRoles.ProposalOffice) && user.FindFirst("client_id")?.Value == subject;
        return ("subject:" + subject, officeClient ? options.OfficeClientPerSecond : options.PerSecond);
    }
}
