using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace ProposalPlatform.Benchmark;

/// <param name="ItemPage">Opening an item's page inside the portal (its facts, story, contacts and reply all shown).</param>
/// <param name="Worklist">Opening the unit's worklist inside the portal.</param>
/// <param name="FirstLoad">Loading an item's page afresh (a new tab, signed in, the platform warm).</param>
public sealed record PortalResult(string Unit, int WorklistItems, Timings ItemPage, Timings Worklist, Timings FirstLoad);

public sealed record Timings(double MedianMs, double WorstMs)
{
    public static Timings Of(List<double> took)
    {
        took.Sort();
        return new Timings(took[took.Count / 2], took[^1]);
    }
}

/// <summary>
/// The portal in Debian's chromium (Playwright through <c>ExecutablePath</c>), as a handler of the unit
/// that leads most of the session's items uses it: the office creates the person, who signs in on the
/// identity service's page; then the worklist and item pages are opened inside the portal (Blazor's
/// own navigation: what the portal's server does for a page) and an item's page loaded afresh.
/// </summary>
public sealed class PortalPhase(HttpClient office, string gatewayAddress)
{
    public const string Chromium = "/usr/bin/chromium";
    public const int Pages = 7;

    public static bool CanRun => File.Exists(Chromium);

    public async Task<PortalResult> RunAsync(int year)
    {
        var (unit, open, items) = await BusiestUnitAsync(year);
        var person = await office.PostAsJsonAsync("/api/identity/people", new
        {
            userName = $"bench{Guid.NewGuid():N}"[..20], displayName = "基准测试经办人", unitCode = unit, roles = new[] { "UnitHandler" },
        });
        person.EnsureSuccessStatusCode();
        var created = (await person.Content.ReadFromJsonAsync<JsonObject>())!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(gatewayAddress);
        await page.WaitForURLAsync("**/account/login**");
        await page.FillAsync("#userName", created["userName"]!.GetValue<string>());
        await page.FillAsync("#password", created["initialPassword"]!.GetValue<string>());
        await page.ClickAsync("button[type=submit]");
        await page.Locator("#welcome").WaitForAsync();

        // warm: every page once, so what is measured is the platform's work, not its first compile
        var ids = items.Take(Pages + 1).ToList();
        await InPortalAsync(page, "/work", WorklistShown);
        await InPortalAsync(page, $"/items/{ids[^1]}", ItemShown);

        var worklist = new List<double>();
        var itemPage = new List<double>();
        foreach (var id in ids.Take(Pages))
        {
            worklist.Add(await InPortalAsync(page, "/work", WorklistShown));
            itemPage.Add(await InPortalAsync(page, $"/items/{id}", ItemShown));
        }

        var firstLoad = new List<double>();
        foreach (var id in ids.Take(Pages))
        {
            var tab = await context.NewPageAsync();
            var clock = Stopwatch.StartNew();
            await tab.GotoAsync(new Uri(new Uri(gatewayAddress), $"/items/{id}").ToString(), new() { WaitUntil = WaitUntilState.Commit });
            await ItemShown(tab);
            firstLoad.Add(clock.Elapsed.TotalMilliseconds);
            await tab.CloseAsync();
        }

        return new PortalResult(unit, open, Timings.Of(itemPage), Timings.Of(worklist), Timings.Of(firstLoad));
    }

    /// <summary>The unit leading most of the year's items, and those items, as the reporting service's worklist gives them.</summary>
    private async Task<(string Unit, int Open, IReadOnlyList<Guid> Items)> BusiestUnitAsync(int year)
    {
        var statistics = (await office.GetFromJsonAsync<JsonObject>($"/api/reporting/statistics/annual?year={year}"))!;
        var unit = statistics["byUnit"]!.AsArray().OrderByDescending(u => u!["count"]!["current"]!.GetValue<int>()).First()!["key"]!.GetValue<string>();
        var worklist = (await office.GetFromJsonAsync<JsonObject>($"/api/reporting/worklist?unit={Uri.EscapeDataString(unit)}&pageSize=200"))!;
        return (unit, worklist["total"]!.GetValue<int>(),
            [.. worklist["items"]!.AsArray().Where(i => i!["role"]!.GetValue<string>() == "Lead").Select(i => i!["id"]!.GetValue<Guid>())]);
    }

    /// <summary>Blazor's own navigation inside the open circuit, until the page shows what it is for.</summary>
    private static async Task<double> InPortalAsync(IPage page, string path, Func<IPage, Task> shown)
    {
        var clock = Stopwatch.StartNew();
        await page.EvaluateAsync("path => Blazor.navigateTo(path)", path);
        await shown(page);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task WorklistShown(IPage page) =>
        await page.Locator("#worklist tbody tr").First.WaitForAsync();

    private static async Task ItemShown(IPage page)
    {
        await page.Locator("#sign-off-status").WaitForAsync();
        await page.Locator("#contact-state").WaitForAsync();
        await page.Locator(".story").WaitForAsync();
    }
}
