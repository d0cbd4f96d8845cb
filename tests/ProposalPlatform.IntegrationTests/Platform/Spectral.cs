using System.Diagnostics;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// Stoplight's Spectral, the OpenAPI linter, at one pinned version: installed with npm on first use
/// into a cache folder of the user's (never into the repository), then run with Node.js.
/// </summary>
public static class Spectral
{
    public const string Version = "6.16.3";
    public const string Package = "@stoplight/spectral-cli";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(2);
    private static readonly SemaphoreSlim Installing = new(1, 1);

    /// <summary>Runs <c>spectral lint</c> with the repository's ruleset over <paramref name="documents"/>, failing on warnings too.</summary>
    public static async Task<(int ExitCode, string Output)> LintAsync(IEnumerable<string> documents)
    {
        var cli = await InstalledAsync();
        string[] arguments =
        [
            cli, "lint",
            "--ruleset", Path.Combine(RepositoryRoot(), ".spectral.yaml"),
            "--fail-severity=warn",
            "--format=stylish",
            .. documents,
        ];
        return await RunAsync(Executable("node"), arguments, RepositoryRoot(), LintTimeout);
    }

    /// <summary>The path of the installed command-line entry point, installing it first if it is not there.</summary>
    private static async Task<string> InstalledAsync()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var folder = Path.Combine(cache, "proposalplatform", $"spectral-{Version}");
        var cli = Path.Combine(folder, "node_modules", "@stoplight", "spectral-cli", "dist", "index.js");

        await Installing.WaitAsync();
        try
        {
            if (File.Exists(cli))
            {
                return cli;
            }

            // installed beside the final folder and moved into place whole, so a stopped install is never taken for one
            var staging = $"{folder}.{Guid.NewGuid():N}";
            Directory.CreateDirectory(staging);
            try
            {
                // --ignore-scripts: no package's install script runs (one of them would report the download to its vendor)
                var (exitCode, output) = await RunAsync(Executable("npm"),
                    ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-save", "--prefix", staging, $"{Package}@{Version}"],
                    staging, InstallTimeout);
                if (exitCode != 0)
                {
                    throw new InvalidOperationException($"npm could not install {Package}@{Version} (exit code {exitCode}):\n{output}");
                }

                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }

                Directory.Move(staging, folder);
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }

            return File.Exists(cli) ? cli : throw new InvalidOperationException($"{Package}@{Version} was installed but {cli} is missing.");
        }
        finally
        {
            Installing.Release();
        }
    }

    /// <summary>A program found on the PATH, or a failure that says what to install.</summary>
    private static string Executable(string name)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException(
            $"'{name}' is not on the PATH: linting the OpenAPI documents needs Node.js and npm. Install Debian's packages " +
            "(sudo apt-get install nodejs npm), or run ./platform.sh test, which installs them when npx is missing.");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";
        start.Environment["SCARF_ANALYTICS"] = "false";
        start.Environment["DO_NOT_TRACK"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s.");
        }

        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProposalPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ProposalPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
