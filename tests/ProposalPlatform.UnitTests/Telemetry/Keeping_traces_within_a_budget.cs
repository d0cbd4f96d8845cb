using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;

namespace ProposalPlatform.UnitTests.Telemetry;

public class Keeping_traces_within_a_budget
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Every_trace_is_kept_while_fewer_than_the_budget_start_each_second()
    {
        var sampler = new TraceBudgetSampler(10, _clock);

        for (var second = 0; second < 5; second++)
        {
            Assert.Equal(8, Enumerable.Range(0, 8).Count(_ => Kept(sampler)));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public void Beyond_the_budget_a_flood_keeps_that_many_a_second()
    {
        var sampler = new TraceBudgetSampler(10, _clock);
        var kept = 0;

        // 200 new traces a second for 5 seconds, one every 5 ms
        for (var i = 0; i < 1000; i++)
        {
            kept += Kept(sampler) ? 1 : 0;
            _clock.Advance(TimeSpan.FromMilliseconds(5));
        }

        Assert.InRange(kept, 50, 60); // 10 a second, and the 10 the bucket held at the start
    }

    [Fact]
    public void A_quiet_spell_does_not_save_up_more_than_one_seconds_budget()
    {
        var sampler = new TraceBudgetSampler(10, _clock);
        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(10, Enumerable.Range(0, 100).Count(_ => Kept(sampler)));
    }

    private static bool Kept(Sampler sampler) =>
        sampler.ShouldSample(new SamplingParameters(default, ActivityTraceId.CreateRandom(), "POST", ActivityKind.Server)).Decision
            == SamplingDecision.RecordAndSample;
}
