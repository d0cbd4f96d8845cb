using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OtpNet;

namespace ProposalPlatform.IntegrationTests.Portal;

/// <summary>
/// Debian's chromium driven by Playwright (through <c>ExecutablePath</c>: browsers are never
/// downloaded here), a page at 1366×768 in Chinese, and a screenshot of every step kept under the
/// test output (<c>screenshots/</c>).
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _shots;
    private int _step;

    private Browser(IPlaywright playwright, IBrowser browser, IPage page, string shots) =>
        (_playwright, _browser, Page, _shots) = (playwright, browser, page, shots);

    public IPage Page { get; }

    public static async Task<Browser> OpenAsync(string walk)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var shots = Path.Combine(AppContext.BaseDirectory, "screenshots", walk);
        if (Directory.Exists(shots))
        {
            Directory.Delete(shots, recursive: true);
        }

        Directory.CreateDirectory(shots);
        // what the page said to its console (a broken circuit says why there), kept beside the screenshots
        page.Console += (_, message) => File.AppendAllText(Path.Combine(shots, "console.log"), $"{message.Type}: {message.Text}{Environment.NewLine}");
        return new Browser(playwright, browser, page, shots);
    }

    /// <summary>
    /// Signs in at the identity service's page the portal sends the browser to, with the second factor
    /// where the person has one (the proposal office's people), keeping a screenshot of each page.
    /// </summary>
    public async Task SignInAsync(Uri portal, string userName, string password, string? authenticatorKey = null)
    {
        // the sign-in pages are waited for until their document is read, not until every stylesheet and
        // image has come: in one CI run the second factor's page stood whole on the screen while its load
        // event had not come 30 s later; filling a field waits for the field itself
        var documentRead = new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded };
        await Page.GotoAsync(portal.ToString());
        await Page.WaitForURLAsync("**/account/login**", documentRead);
        await ShotAsync("sign-in");
        await Page.FillAsync("#userName", userName);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("button[type=submit]");
        if (authenticatorKey is not null)
        {
            await Page.WaitForURLAsync("**/account/login-2fa**", documentRead);
            await Page.FillAsync("#code", new Totp(Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp());
            await ShotAsync("second-factor");
            await Page.ClickAsync("button[type=submit]");
        }

        await Assertions.Expect(Page.Locator("#welcome")).ToContainTextAsync("您好");
    }

    /// <summary>
    /// The page checked by axe-core (WCAG 2.1 A and AA): labelled controls, names, contrast, structure.
    /// Fails on any serious or critical violation, naming the rule and the elements.
    /// </summary>
    public async Task CheckAccessibilityAsync(string what)
    {
        // a toast still fading in or out is measured at part of its opacity: it is checked where it stays
        var result = await Page.RunAxe(new Deque.AxeCore.Commons.AxeRunContext { Exclude = [new Deque.AxeCore.Commons.AxeSelector(".mud-snackbar")] }, new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        File.WriteAllText(Path.Combine(_shots, $"axe-{what}.txt"), string.Join(Environment.NewLine, result.Violations.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(5).Select(n => string.Join(" ", n.Target)))}")));
        Assert.True(serious.Count == 0, $"{what}: {string.Join("; ", serious.Select(v => $"{v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html.Length > 300 ? n.Html[..300] : n.Html))}"))}");
    }

    /// <summary>Keeps what the page shows now, numbered in the walk's order.</summary>
    public Task ShotAsync(string what) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, $"{++_step:D2}-{what}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
