using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.Gateway;

/// <summary>The unit a key was issued to (by the assignment service's unit registry).</summary>
public sealed record CallerUnit(string UnitCode, string UnitKind)
{
    public bool IsDistrict => UnitKind == "District";
}

/// <summary>
/// Finds the unit behind a caller's key by asking the assignment service, which keeps the keys'
/// hashes. Answers are cached briefly, so a revoked key stops working within a minute.
/// </summary>
public sealed class CallerIdentity(HttpClient assignment, IMemoryCache cache)
{
    private static readonly TimeSpan KnownFor = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan UnknownFor = TimeSpan.FromSeconds(5);

    public async Task<CallerUnit?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim()))).ToLowerInvariant();
        if (cache.TryGetValue(hash, out CallerUnit? known))
        {
            return known;
        }

        using var response = await assignment.GetAsync($"/internal/credentials/{hash}", cancellationToken);
        CallerUnit? unit = null;
        if (response.IsSuccessStatusCode)
        {
            unit = await response.Content.ReadFromJsonAsync<CallerUnit>(cancellationToken);
        }
        else if (response.StatusCode != System.Net.HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }

        cache.Set(hash, unit, unit is null ? UnknownFor : KnownFor);
        return unit;
    }
}

/// <summary>What a customs district may call: its local items, the visits entrusted to it, the unit registry.</summary>
public static class DistrictAccess
{
    public static bool Allows(string method, PathString path)
    {
        var get = HttpMethods.IsGet(method);
        return (path.StartsWithSegments("/api/intake/proposals") && (get || (HttpMethods.IsPost(method) && IsExactly(path, "/api/intake/proposals"))))
            || path.StartsWithSegments("/api/contacts/entrusted")
            || (get && path.StartsWithSegments("/api/assignment/units"));
    }

    private static bool IsExactly(PathString path, string expected) =>
        string.Equals(path.Value?.TrimEnd('/'), expected, StringComparison.OrdinalIgnoreCase);
}

public static class CallerIdentityExtensions
{
    /// <summary>
    /// Every API call carries a unit's key (<c>X-Api-Key</c>): none or an unknown one is a 401, a
    /// district calling outside what it may is a 403, each a ProblemDetails. A district's requests go on
    /// with its code in <see cref="CallerHeaders.DistrictCode"/>; the OpenAPI documents stay open.
    /// </summary>
    public static IReverseProxyApplicationBuilder UseCallerIdentity(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            var routeId = context.GetReverseProxyFeature().Route.Config.RouteId;
            context.Request.Headers.Remove(CallerHeaders.DistrictCode);
            if (!routeId.EndsWith("-api", StringComparison.Ordinal))
            {
                await next();
                return;
            }

            var key = context.Request.Headers[CallerHeaders.ApiKey].ToString();
            if (string.IsNullOrWhiteSpace(key))
            {
                await ProblemAsync(context, StatusCodes.Status401Unauthorized, "An API key is required.",
                    $"Send the key issued to your unit in the {CallerHeaders.ApiKey} header.");
                return;
            }

            CallerUnit? unit;
            try
            {
                unit = await context.RequestServices.GetRequiredService<CallerIdentity>().FindAsync(key, context.RequestAborted);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
            {
                await ProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "Keys cannot be checked now.",
                    "The unit registry (assignment service) did not answer; nothing was changed by this request. Retry later.");
                return;
            }

            if (unit is null)
            {
                await ProblemAsync(context, StatusCodes.Status401Unauthorized, "The API key is not valid.",
                    "The key is unknown or was revoked; ask the proposal office for a new one.");
                return;
            }

            if (unit.IsDistrict)
            {
                if (!DistrictAccess.Allows(context.Request.Method, context.Request.Path))
                {
                    await ProblemAsync(context, StatusCodes.Status403Forbidden, "A customs district may not do this.",
                        $"{unit.UnitCode} may register and read its local items and carry out the visits entrusted to it; {context.Request.Method} {context.Request.Path} is for headquarters.");
                    return;
                }

                context.Request.Headers[CallerHeaders.DistrictCode] = unit.UnitCode;
            }

            await next();
        });
        return proxy;
    }

    private static ValueTask ProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
