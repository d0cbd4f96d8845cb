using System.ComponentModel.DataAnnotations;
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

    /// <summary>
    /// Batch uploads of an office machine client, apart from its other calls: a session of 15,000 items
    /// in batches of 1,000, two at a time, is about 5 a second.
    /// </summary>
    [Range(1, 100_000)]
    public int OfficeClientBatchesPerSecond { get; set; } = 20;

    /// <summary>Batch uploads of anyone else (an office person uploads a file now and then).</summary>
    [Range(1, 100_000)]
    public int BatchesPerSecond { get; set; } = 1;

    /// <summary>Searches (full text, similar items) of an office machine client, apart from its other calls.</summary>
    [Range(1, 100_000)]
    public int OfficeClientSearchesPerSecond { get; set; } = 100;

    /// <summary>Searches of anyone else: a person typing in a search box, a district's system.</summary>
    [Range(1, 100_000)]
    public int SearchesPerSecond { get; set; } = 10;

    /// <summary>
    /// How long a refusal waits at most before it is answered, until the client's budget would take a
    /// call again (<see cref="Refusals"/>); zero answers at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan MaxRefusalHold { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many calls beyond the rate a client may make at once before it is held to it.</summary>
    [Range(1, 100_000)]
    public int BurstSeconds { get; set; } = 2;
}

/// <summary>
/// The budgets a call can be taken from: batch uploads and searches cost the services far more than
/// an ordinary call, so each client has a smaller budget of its own for each.
/// </summary>
public enum Budget
{
    Calls,
    Batches,
    Searches,
}

/// <summary>
/// Each caller has its own budgets, partitioned by its token's subject (by its address before it has
/// one): a client that floods the gateway is answered 429 with Retry-After, and the others' calls go
/// on as before; a client that floods batches or searches still makes its ordinary calls.
/// </summary>
public static class ClientRateLimits
{
    /// <summary>The routes' rate limiter policy for each budget.</summary>
    public static readonly IReadOnlyDictionary<Budget, string> Policies = new Dictionary<Budget, string>
    {
        [Budget.Calls] = "per-client",
        [Budget.Batches] = "per-client-batches",
        [Budget.Searches] = "per-client-searches",
    };

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // holds and remembered refusals in real time, as the limiter's own buckets
        services.AddSingleton(sp => new Refusals(sp.GetRequiredService<IOptions<RateLimitOptions>>(), TimeProvider.System));
        services.AddRateLimiter(limiter =>
        {
            foreach (var (budget, policy) in Policies)
            {
                limiter.AddPolicy(policy, context =>
                {
                    var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                    var (key, perSecond) = BudgetOf(budget, context.User, context.Connection.RemoteIpAddress?.ToString(), options);
                    return RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(perSecond, options.BurstSeconds));
                });
            }

            limiter.OnRejected = (rejected, cancellationToken) => new ValueTask(rejected.HttpContext.RequestServices.GetRequiredService<Refusals>().RefuseAsync(
                rejected.HttpContext,
                rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1),
                cancellationToken));
        });
        return services;
    }

    /// <summary>Whose budget a call is taken from, and that budget's rate.</summary>
    public static (string Key, int PerSecond) BudgetOf(Budget budget, ClaimsPrincipal user, string? address, RateLimitOptions options)
    {
        var prefix = budget.ToString().ToLowerInvariant();
        if (user.FindFirst(PlatformClaims.Subject)?.Value is not { Length: > 0 } subject)
        {
            return ($"{prefix}:address:{address ?? "unknown"}", options.AnonymousPerSecond);
        }

        var officeClient = user.HasClaim(PlatformClaims.Role, PlatformRoles.ProposalOffice) && user.FindFirst("client_id")?.Value == subject;
        var perSecond = budget switch
        {
            Budget.Batches => officeClient ? options.OfficeClientBatchesPerSecond : options.BatchesPerSecond,
            Budget.Searches => officeClient ? options.OfficeClientSearchesPerSecond : options.SearchesPerSecond,
            _ => officeClient ? options.OfficeClientPerSecond : options.PerSecond,
        };
        return ($"{prefix}:subject:{subject}", perSecond);
    }

    /// <summary>
    /// A bucket that holds <paramref name="burstSeconds"/> seconds of calls and refills at
    /// <paramref name="perSecond"/>: a tenth every 100 ms where the rate divides by ten, else all of a
    /// second's once a second (a token bucket adds a whole number of tokens per period).
    /// </summary>
    public static TokenBucketRateLimiterOptions Bucket(int perSecond, int burstSeconds) => new()
    {
        TokenLimit = perSecond * burstSeconds,
        TokensPerPeriod = perSecond % 10 == 0 ? perSecond / 10 : perSecond,
        ReplenishmentPeriod = perSecond % 10 == 0 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>
    /// Refuses, before its token is checked, a call whose very token was refused a moment ago
    /// (<see cref="Refusals"/>); after routing, which names the call's budget, and before authentication.
    /// </summary>
    public static WebApplication UseEarlyRefusals(this WebApplication app)
    {
        var refusals = app.Services.GetRequiredService<Refusals>();
        app.Use(async (context, next) =>
        {
            if (!await refusals.TryRefuseAgainAsync(context))
            {
                await next(context);
            }
        });
        return app;
    }

    /// <summary>What a budget is of, as a refusal names it.</summary>
    public static string WhatOf(string? policy) =>
        policy == Policies[Budget.Batches] ? "batch uploads"
        : policy == Policies[Budget.Searches] ? "searches"
        : "calls";
}
