using System.Diagnostics;

namespace ProposalPlatform.IntegrationTests.Messaging;

/// <summary>
/// One of the AppHost's own launch scripts (Local/rabbitmq.sh, Local/postgres.sh) run as a child of
/// the test, so a test can stop the real server and start it again on the same data.
/// </summary>
public sealed class LocalServer(string script, IReadOnlyDictionary<string, string> environment) : IAsyncDisposable
{
    private Process? _process;

    public void Start()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(AppContext.BaseDirectory, "Local", script)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{script} did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Stops the server the way the AppHost does, with SIGTERM, and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
