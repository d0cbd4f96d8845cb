using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace ProposalPlatform.Infrastructure.Telemetry;

/// <summary>
/// The last value of a query that gauges report, read again at most every <c>maxAge</c>. An
/// observable gauge's callback runs at every collection (the dashboard's exporter collects every
/// second) and must not block: it takes the cached value, and when that is older than
/// <c>maxAge</c> starts one read in the background, whose result the next collections report. So a
/// burst of collections costs one query, and a gauge reports nothing until the first read is done.
/// The read runs out of tracing: a query every few seconds would bury the requests' traces.
/// </summary>
public sealed partial class CachedReading<T>(
    string what, Func<CancellationToken, Task<T>> read, TimeSpan maxAge, TimeProvider clock, ILogger logger)
{
    private StrongBox<T>? _value;
    private long _readAt = long.MinValue;
    private int _reading;
    private Task _lastRead = Task.CompletedTask;

    /// <summary>The read running in the background, or the last one (done): to wait for a value rather than poll for it.</summary>
    public Task LastRead => Volatile.Read(ref _lastRead);

    /// <summary>The last value read (null before the first read); starts a new read when it is older than the maximum age.</summary>
    public StrongBox<T>? Current()
    {
        // the value as it is now: a read started here is for the next collections
        var value = Volatile.Read(ref _value);
        var readAt = Interlocked.Read(ref _readAt);
        if ((readAt == long.MinValue || clock.GetElapsedTime(readAt) >= maxAge) && Interlocked.CompareExchange(ref _reading, 1, 0) == 0)
        {
            // on the thread pool, not in the collection's context
            Volatile.Write(ref _lastRead, Task.Run(ReadAsync));
        }

        return value;
    }

    /// <summary>What an observable gauge reports: one measurement of the last value, or none before the first read.</summary>
    public IEnumerable<Measurement<TValue>> Measure<TValue>(Func<T, TValue> value) where TValue : struct =>
        Current() is { } current ? [new Measurement<TValue>(value(current.Value!))] : [];

    /// <summary>What an observable gauge of several series reports: a measurement per series of the last value, or none before the first read.</summary>
    public IEnumerable<Measurement<TValue>> MeasureAll<TValue>(Func<T, IEnumerable<Measurement<TValue>>> values) where TValue : struct =>
        Current() is { } current ? values(current.Value!) : [];

    /// <summary>Reads the value now (the background read does this); a failure is logged and the last value kept until the next read.</summary>
    public async Task ReadAsync()
    {
        try
        {
            using var untraced = SuppressInstrumentationScope.Begin();
            using var timeout = new CancellationTokenSource(maxAge);
            Volatile.Write(ref _value, new StrongBox<T>(await read(timeout.Token)));
        }
        catch (Exception ex)
        {
            LogReadFailed(logger, what, ex);
        }
        finally
        {
            // a failed read is tried again after the same interval, not at every collection
            Interlocked.Exchange(ref _readAt, clock.GetTimestamp());
            Interlocked.Exchange(ref _reading, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading {What} for the metrics failed; trying again at the next interval")]
    private static partial void LogReadFailed(ILogger logger, string what, Exception exception);
}
