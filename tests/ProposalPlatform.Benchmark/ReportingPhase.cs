using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProposalPlatform.Benchmark;

/// <summary>What the annual statistics of the run's session cost, once reporting has every item of it.</summary>
/// <param name="CaughtUpAfter">How long after the session was assigned reporting counted every item intake holds for the year.</param>
public sealed record StatisticsResult(long Items, TimeSpan CaughtUpAfter, double MedianMs, double WorstMs);

public sealed class ReportingPhase(HttpClient gateway)
{
    public const int Calls = 7;

    public async Task<StatisticsResult> AnnualStatisticsAsync(int year)
    {
        var stored = (await gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?sessionYear={year}&pageSize=1"))!["total"]!.GetValue<long>();
        var clock = Stopwatch.StartNew();
        long counted;
        while ((counted = await CountedAsync(year)) < stored && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        var caughtUp = clock.Elapsed;
        var took = new List<double>();
        for (var i = 0; i < Calls; i++)
        {
            var call = Stopwatch.StartNew();
            await CountedAsync(year);
            took.Add(call.Elapsed.TotalMilliseconds);
        }

        took.Sort();
        return new StatisticsResult(counted, caughtUp, took[Calls / 2], took[^1]);
    }

    private async Task<long> CountedAsync(int year) =>
        (await gateway.GetFromJsonAsync<JsonObject>($"/api/reporting/statistics/annual?year={year}"))!["items"]!["current"]!.GetValue<long>();
}
