using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ProposalPlatform.Infrastructure.Outbox;
using ProposalPlatform.Infrastructure.Telemetry;
using ProposalPlatform.Intake.Domain;
using ProposalPlatform.Intake.Workers;

namespace ProposalPlatform.UnitTests.Telemetry;

public class Reporting_business_metrics
{
    private readonly FakeTimeProvider _clock = new();
    private readonly PlatformMeter _meter;

    public Reporting_business_metrics()
    {
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        _meter = new PlatformMeter(meters, _clock, NullLoggerFactory.Instance, "unit-" + Guid.NewGuid().ToString("N"));
    }

    [Fact]
    public async Task A_gauge_reports_nothing_before_the_first_read_then_the_value_read()
    {
        var reads = 0;
        var reading = _meter.Reading("a value", _ => Task.FromResult(++reads * 10));

        Assert.Null(reading.Current());
        var value = await WhenReadAsync(reading);

        Assert.Equal(10, value);
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task Collections_within_the_maximum_age_cost_no_query_and_the_next_one_after_it_reads_again()
    {
        var reads = 0;
        var reading = _meter.Reading("a value", _ => Task.FromResult(Interlocked.Increment(ref reads)));
        await WhenReadAsync(reading);

        // a burst of collections, as the exporter makes every second
        for (var i = 0; i < 100; i++)
        {
            _clock.Advance(PlatformMeter.GaugeMaxAge / 200);
            Assert.Equal(1, reading.Current()!.Value);
        }

        _clock.Advance(PlatformMeter.GaugeMaxAge / 2);
        Assert.Equal(1, reading.Current()!.Value); // the last value, while the new read runs
        Assert.Equal(2, await WhenReadAsync(reading));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task A_failed_read_keeps_the_last_value_and_is_not_tried_again_before_the_interval()
    {
        var fail = false;
        var reads = 0;
        var reading = _meter.Reading("a value", _ =>
        {
            Interlocked.Increment(ref reads);
            return fail ? Task.FromException<int>(new InvalidOperationException("database away")) : Task.FromResult(7);
        });
        await WhenReadAsync(reading);

        fail = true;
        _clock.Advance(PlatformMeter.GaugeMaxAge);
        Assert.Equal(7, await WhenReadAsync(reading));
        Assert.Equal(2, reads);
        _clock.Advance(PlatformMeter.GaugeMaxAge / 2);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(7, reading.Current()!.Value);
        }

        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task The_outbox_gauges_report_the_unsent_count_and_the_oldest_age_with_their_units()
    {
        var lag = _meter.Reading("the outbox's lag", _ => Task.FromResult(new OutboxGauges.Lag(3, 42.5)));
        _ = new OutboxGauges(_meter, lag);
        await lag.ReadAsync();

        var measured = Collect();

        Assert.Equal(("{message}", 3.0), measured[OutboxGauges.UnsentName].Single());
        Assert.Equal(("s", 42.5), measured[OutboxGauges.OldestAgeName].Single());
    }

    [Fact]
    public void Items_by_stage_report_every_stage_tagged_with_its_name_the_empty_ones_as_zero()
    {
        var measurements = IntakeGauges.Measurements(new Dictionary<ProposalStage, long>
        {
            [ProposalStage.Assigned] = 12,
            [ProposalStage.Replied] = 3,
        }).ToList();

        var byStage = measurements.ToDictionary(
            m => (string)m.Tags.ToArray().Single(t => t.Key == IntakeGauges.StageTag).Value!, m => m.Value);
        Assert.Equal(Enum.GetNames<ProposalStage>().Order(), byStage.Keys.Order());
        Assert.Equal(12, byStage["Assigned"]);
        Assert.Equal(3, byStage["Replied"]);
        Assert.Equal(0, byStage["Registered"]);
        Assert.Equal(15, byStage.Values.Sum());
    }

    /// <summary>
    /// Messages consumed and failed per consumer come from MassTransit's own meter, which
    /// ServiceDefaults exports: this shows the counters and their tags are there, and that they count
    /// attempts (a retried message counts once for each).
    /// </summary>
    [Fact]
    public async Task MassTransit_counts_the_messages_each_consumer_took_and_those_it_failed()
    {
        var consumed = new List<(string Name, string? Consumer)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "MassTransit" && instrument.Name is "messaging.masstransit.consume" or "messaging.masstransit.consume.errors")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var consumer = tags.ToArray().FirstOrDefault(t => t.Key == "messaging.masstransit.consumer_type").Value as string;
            lock (consumed)
            {
                consumed.AddRange(Enumerable.Repeat((instrument.Name, consumer), (int)value));
            }
        });
        listener.Start();

        await using var provider = new ServiceCollection()
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddConsumer<CountedConsumer>();
                // retried as the platform retries (there 5 times, with a delay)
                bus.UsingInMemory((context, memory) =>
                {
                    memory.UseMessageRetry(retry => retry.Immediate(2));
                    memory.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        await harness.Bus.Publish(new Counted(Fail: false));
        await harness.Bus.Publish(new Counted(Fail: false));
        await harness.Bus.Publish(new Counted(Fail: true));
        Assert.True(await harness.Consumed.Any<Counted>(c => c.Context.Message.Fail));
        await harness.InactivityTask;

        List<(string Name, string? Consumer)> ours;
        lock (consumed)
        {
            ours = [.. consumed.Where(c => c.Consumer?.Contains(nameof(CountedConsumer)) == true)];
        }

        // every attempt counts: two messages consumed once, and one tried three times and failed each time
        Assert.Equal(5, ours.Count(c => c.Name == "messaging.masstransit.consume"));
        Assert.Equal(3, ours.Count(c => c.Name == "messaging.masstransit.consume.errors"));
    }

    public sealed record Counted(bool Fail);

    public sealed class CountedConsumer : IConsumer<Counted>
    {
        public Task Consume(ConsumeContext<Counted> context) =>
            context.Message.Fail ? throw new InvalidOperationException("refused") : Task.CompletedTask;
    }

    private Dictionary<string, List<(string? Unit, double Value)>> Collect()
    {
        var measured = new Dictionary<string, List<(string? Unit, double Value)>>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == _meter.Meter)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value) =>
            (measured.TryGetValue(instrument.Name, out var list) ? list : measured[instrument.Name] = []).Add((instrument.Unit, value));
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Record(instrument, value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Record(instrument, value));
        listener.Start();
        listener.RecordObservableInstruments();
        return measured;
    }

    /// <summary>Starts a read if one is due, waits for the read in progress, and answers the value it left.</summary>
    private static async Task<T> WhenReadAsync<T>(CachedReading<T> reading)
    {
        reading.Current();
        await reading.LastRead;
        return reading.Current()!.Value!;
    }
}
