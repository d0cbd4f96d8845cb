using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ProposalPlatform.Gateway;

/// <summary>
/// Keeps what a refused call costs the gateway small, so that one client's flood does not take the
/// cores the other clients' calls need:
/// <list type="bullet">
/// <item>A refusal is answered when the client's budget would next take a call (at most
/// <see cref="RateLimitOptions.MaxRefusalHold"/>), waiting without a thread: a client that sends its
/// next call as soon as it has an answer, over a few connections, then sends a few calls a second
/// instead of thousands.</item>
/// <item>While a client's budget is spent, a call with the very token that was refused is refused
/// again before its token is checked (a signature check is most of what a refusal costs). The key
/// is the whole token, not its subject: a token can only repeat a refusal its own validated subject
/// earned, while a forged token naming someone else's subject matches nothing here, goes through
/// the full check and is a 401, so it cannot spend anyone's budget. A refusal grants nothing, so
/// refusing a token that expired a moment ago with 429 instead of 401 changes nothing.</item>
/// </list>
/// </summary>
public sealed class Refusals(IOptions<RateLimitOptions> options, TimeProvider clock)
{
    /// <summary>Refusals waiting at once at most; past it, a refusal is answered at once.</summary>
    public const int MaxHeld = 1_000;

    /// <summary>Tokens remembered as refused at most, each for at most <see cref="MaxRememberedFor"/>.</summary>
    public const int MaxRemembered = 10_000;

    public static readonly TimeSpan MaxRememberedFor = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(string Policy, string Authorization), long> _refusedUntil = new();
    private int _held;

    /// <summary>Refuses a call the rate limiter refused, and remembers its token as refused until <paramref name="retryAfter"/>.</summary>
    public Task RefuseAsync(HttpContext context, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var policy = PolicyOf(context);
        if (policy is not null && context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            Remember(policy, authorization, retryAfter);
        }

        return HoldAndWriteAsync(context, policy, retryAfter, cancellationToken);
    }

    /// <summary>Refuses a call, before its token is checked, whose very token was refused a moment ago; false to let it through.</summary>
    public async Task<bool> TryRefuseAgainAsync(HttpContext context)
    {
        if (_refusedUntil.IsEmpty
            || PolicyOf(context) is not { } policy
            || context.Request.Headers.Authorization.ToString() is not { Length: > 0 } authorization
            || !_refusedUntil.TryGetValue((policy, authorization), out var until))
        {
            return false;
        }

        var remaining = TimeSpan.FromMilliseconds(until - Now);
        if (remaining <= TimeSpan.Zero)
        {
            _refusedUntil.TryRemove(KeyValuePair.Create((policy, authorization), until));
            return false;
        }

        await HoldAndWriteAsync(context, policy, remaining, context.RequestAborted);
        return true;
    }

    private void Remember(string policy, string authorization, TimeSpan retryAfter)
    {
        var now = Now;
        if (_refusedUntil.Count >= MaxRemembered)
        {
            foreach (var (key, until) in _refusedUntil)
            {
                if (until <= now)
                {
                    _refusedUntil.TryRemove(KeyValuePair.Create(key, until));
                }
            }

            if (_refusedUntil.Count >= MaxRemembered)
            {
                return; // a flood of distinct tokens: each is checked in full, as without this
            }
        }

        _refusedUntil[(policy, authorization)] = now + (long)Math.Min(retryAfter.TotalMilliseconds, MaxRememberedFor.TotalMilliseconds);
    }

    private async Task HoldAndWriteAsync(HttpContext context, string? policy, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var hold = retryAfter < options.Value.MaxRefusalHold ? retryAfter : options.Value.MaxRefusalHold;
        if (hold > TimeSpan.Zero)
        {
            if (Interlocked.Increment(ref _held) <= MaxHeld)
            {
                try
                {
                    await Task.Delay(hold, clock, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return; // the client is gone
                }
                finally
                {
                    Interlocked.Decrement(ref _held);
                }
            }
            else
            {
                Interlocked.Decrement(ref _held);
            }
        }

        var seconds = Math.Max(1, (int)Math.Ceiling((retryAfter - hold).TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await PlatformProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests.",
            $"This client has used its budget of {ClientRateLimits.WhatOf(policy)} for now; nothing was changed by this request. Retry after {seconds} s.");
    }

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static string? PolicyOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
}
