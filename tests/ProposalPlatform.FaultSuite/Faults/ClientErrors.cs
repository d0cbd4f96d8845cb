using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace ProposalPlatform.FaultSuite.Faults;

/// <summary>Every attempt of the suite's clients that was not answered with success, by what it got ("single 503", "batch timeout").</summary>
public sealed class ClientErrors
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public void Add(string client, HttpStatusCode status) => Add(client, ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Add(string client, Exception failure) => Add(client, failure switch
    {
        OperationCanceledException => "timeout",
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => http.HttpRequestError.ToString(),
        HttpRequestException => "no answer",
        // the token endpoint refused a renewal (the handler says so with this)
        InvalidOperationException => "token",
        _ => failure.GetType().Name,
    });

    /// <summary>"single 503×12, batch 503×1", or "none".</summary>
    public static string Format(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}×{c.Value}"));

    /// <summary>Whether the attempt may be sent again as it was: a passing fault, or a budget spent.</summary>
    public static bool MayRetry(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;

    /// <summary>How long the answer asks to wait (<c>Retry-After</c>), within [<paramref name="floor"/>, 10 s].</summary>
    public static TimeSpan RetryAfter(HttpResponseMessage response, TimeSpan floor)
    {
        var asked = response.Headers.RetryAfter is RetryConditionHeaderValue { Delta: { } delta } ? delta : floor;
        return TimeSpan.FromTicks(Math.Clamp(asked.Ticks, floor.Ticks, TimeSpan.FromSeconds(10).Ticks));
    }

    private void Add(string client, string what) => _counts.AddOrUpdate($"{client} {what}", 1, (_, n) => n + 1);
}
