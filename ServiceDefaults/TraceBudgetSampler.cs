using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Keeps every new trace while a service starts fewer than <c>perSecond</c> of them a second, and
/// that many a second beyond (a token bucket): the dashboard shows every request of a normal day,
/// and a flood of requests does not make telemetry the platform's largest cost. At 200 items a
/// second, recording every trace took more CPU in the dashboard than any service took for its work.
/// Used under a parent-based sampler, so a trace is kept or dropped whole, across the services.
/// </summary>
public sealed class TraceBudgetSampler : Sampler
{
    private readonly double _perSecond;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _refilledAt;

    public TraceBudgetSampler(double perSecond, TimeProvider? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        _perSecond = perSecond;
        _clock = clock ?? TimeProvider.System;
        _tokens = perSecond;
        _refilledAt = _clock.GetTimestamp();
        Description = $"TraceBudgetSampler{{{perSecond}/s}}";
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        lock (_lock)
        {
            var now = _clock.GetTimestamp();
            _tokens = Math.Min(_perSecond, _tokens + (_clock.GetElapsedTime(_refilledAt, now).TotalSeconds * _perSecond));
            _refilledAt = now;
            if (_tokens < 1)
            {
                return new SamplingResult(SamplingDecision.Drop);
            }

            _tokens--;
            return new SamplingResult(SamplingDecision.RecordAndSample);
        }
    }
}
