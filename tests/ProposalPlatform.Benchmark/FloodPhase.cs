using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProposalPlatform.Benchmark;

/// <summary>What one client saw of its calls while another flooded the gateway, and what the flood got.</summary>
public sealed record FloodResult(double QuietP95, double FloodP95, int OtherRefused, int FloodSent, int FloodRefused, int FloodAnswered, TimeSpan FloodLength)
{
    public double Ratio => QuietP95 > 0 ? FloodP95 / QuietP95 : double.NaN;

    public double FloodPerSecond => FloodSent / FloodLength.TotalSeconds;
}

/// <summary>
/// Two customs districts' systems, each a machine client the office creates: one reads at a steady
/// 20 calls a second, first alone and then while the other floods the gateway at 800 calls a second
/// (the rate one district reached in the measurement that asked for budgets: 2,000 calls in 2.6 s)
/// over 32 connections, or as fast as it can (each connection sending its next call as soon as it has
/// an answer). The gateway holds the flood to its budget; the steady client's p95 should stay within
/// 2×. The flood is sent from this process, on the cores the platform runs on.
/// </summary>
public sealed class FloodPhase(HttpClient office, string gateway)
{
    public const int SteadyPerSecond = 20;
    public const int FloodPerSecond = 800;
    public const int FloodConnections = 32;

    /// <summary>One round: the steady client alone, then beside a flood at <paramref name="floodPerSecond"/> (null: as fast as it can).</summary>
    public async Task<FloodResult> RunAsync(TimeSpan each, int? floodPerSecond)
    {
        using var steady = await DistrictAsync("DIST-XIAMEN");
        using var flooding = await DistrictAsync("DIST-NINGBO");
        const string Read = "/api/assignment/units/DIST-XIAMEN";

        var (quiet, _) = await SteadyAsync(steady, Read, each, CancellationToken.None);

        using var stop = new CancellationTokenSource();
        var sent = 0;
        var refused = 0;
        var answered = 0;
        var clock = Stopwatch.StartNew();
        var flood = Enumerable.Range(0, FloodConnections).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var due = floodPerSecond is { } rate ? TimeSpan.FromSeconds((double)((i * FloodConnections) + worker) / rate) : TimeSpan.Zero;
                    if (due > clock.Elapsed)
                    {
                        await Task.Delay(due - clock.Elapsed, stop.Token);
                    }

                    using var response = await flooding.GetAsync("/api/assignment/units/DIST-NINGBO", stop.Token);
                    Interlocked.Increment(ref sent);
                    Interlocked.Increment(ref response.StatusCode == HttpStatusCode.TooManyRequests ? ref refused : ref answered);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // the phase is over
                }
            }
        })).ToList();
        var (during, otherRefused) = await SteadyAsync(steady, Read, each, CancellationToken.None);
        await stop.CancelAsync();
        await Task.WhenAll(flood);
        return new FloodResult(P95(quiet), P95(during), otherRefused, sent, refused, answered, clock.Elapsed);
    }

    private static async Task<(List<double> Latencies, int Refused)> SteadyAsync(HttpClient client, string path, TimeSpan length, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        var refused = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < length; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / SteadyPerSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            refused += response.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
        }

        return (latencies, refused);
    }

    private async Task<HttpClient> DistrictAsync(string district)
    {
        var token = await OfficeToken.NewClientAsync(office, gateway, $"{district} benchmark", district, "DistrictOfficer");
        var system = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = FloodConnections }) { BaseAddress = new Uri(gateway) };
        system.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return system;
    }

    private static double P95(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(sorted.Count * 0.95) - 1)];
    }
}
