using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The AppHost's launch scripts for the local broker and database (<c>Local/rabbitmq.sh</c>,
/// <c>Local/postgres.sh</c>) tell a crash from a stop: 0 only when they were asked to stop, the server's
/// own status (128 + 9 for a server killed by SIGKILL) when it died, and no server left behind either way.
/// </summary>
public sealed class Ending_a_launch_script
{
    [Theory]
    [InlineData("postgres.sh", "postgres")]
    [InlineData("rabbitmq.sh", "beam.smp")]
    public async Task Ends_with_the_servers_status_when_the_server_is_killed(string script, string server)
    {
        // Arrange
        await using var run = await ScriptRun.StartAsync(script);
        var serverProcess = run.Server(server);

        // Act
        ProcessTree.Kill(serverProcess);

        // Assert
        Assert.Equal(128 + 9, await run.ExitCodeAsync());
    }

    [Theory]
    [InlineData("postgres.sh", "postgres")]
    [InlineData("rabbitmq.sh", "beam.smp")]
    public async Task Ends_with_0_and_no_server_left_when_asked_to_stop(string script, string server)
    {
        // Arrange
        await using var run = await ScriptRun.StartAsync(script);
        var serverProcess = run.Server(server);

        // Act
        await run.SignalAsync("TERM");

        // Assert
        Assert.Equal(0, await run.ExitCodeAsync());
        Assert.Equal("", ProcessTree.CommandLine(serverProcess));
    }

    /// <summary>One launch script run as the AppHost runs it, on free ports in a throw-away folder, until its server listens.</summary>
    private sealed class ScriptRun : IAsyncDisposable
    {
        private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("proposalplatform-script-");
        private readonly Process _process;

        private ScriptRun(string script, int[] ports)
        {
            var start = new ProcessStartInfo("bash", [Path.Combine(AppContext.BaseDirectory, "Local", script)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var environment = script == "postgres.sh"
                ? new Dictionary<string, int> { ["PGPORT"] = ports[0] }
                : new Dictionary<string, int> { ["RABBITMQ_NODE_PORT"] = ports[0], ["RABBITMQ_MANAGEMENT_PORT"] = ports[1], ["RABBITMQ_DIST_PORT"] = ports[2], ["ERL_EPMD_PORT"] = ports[3] };
            foreach (var (name, port) in environment)
            {
                start.Environment[name] = port.ToString(CultureInfo.InvariantCulture);
            }

            start.Environment["PGDATA_DIR"] = Path.Combine(_data.FullName, "postgres");
            start.Environment["POSTGRES_PASSWORD"] = "test-password";
            start.Environment["RABBITMQ_DATA_DIR"] = Path.Combine(_data.FullName, "rabbitmq");
            start.Environment["RABBITMQ_NODENAME"] = $"scripttests-{ports[0]}@localhost";
            _process = Process.Start(start) ?? throw new InvalidOperationException($"{script} did not start.");
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public static async Task<ScriptRun> StartAsync(string script)
        {
            var ports = FreePorts.Take(4);
            var run = new ScriptRun(script, ports);
            await Eventually.Until(
                async () =>
                {
                    using var client = new TcpClient();
                    try
                    {
                        await client.ConnectAsync("127.0.0.1", ports[0]);
                        return true;
                    }
                    catch (SocketException)
                    {
                        return run._process.HasExited ? throw new InvalidOperationException($"{script} ended with {run._process.ExitCode} before its server listened.") : false;
                    }
                },
                listening => listening,
                $"the server of {script} to listen",
                TimeSpan.FromMinutes(1));
            return run;
        }

        /// <summary>The server the script started (a child of it, by its program's name).</summary>
        public int Server(string name) => ProcessTree.Descendants(_process.Id).First(pid => ProcessTree.Name(pid) == name);

        public async Task SignalAsync(string signal)
        {
            using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        public async Task<int> ExitCodeAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                // its server dies with it (--pdeathsig)
                _process.Kill();
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            try
            {
                _data.Delete(recursive: true);
            }
            catch (IOException)
            {
                // a server still closing its files; the folder is in the temp directory anyway
            }
        }
    }
}
