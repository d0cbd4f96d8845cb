using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace ProposalPlatform.AppHost.Infrastructure;

public static class ContainerRuntime
{
    /// <summary>The container runtimes Aspire's orchestrator (DCP) knows.</summary>
    private static readonly string[] Runtimes = ["podman", "docker"];

    /// <summary>
    /// For a platform that runs no container: DCP still asks its container runtime about networks
    /// every 5 s, and each time starts the runtime's client twice (docker's took about 60 ms of CPU,
    /// a stall of single items on two busy cores every 5 s). Told a runtime whose client is not
    /// installed, it has nothing to start. When both clients are installed, nothing changes.
    /// </summary>
    public static void LeaveUnwatched(IConfiguration configuration)
    {
        if (AbsentRuntime(Environment.GetEnvironmentVariable("PATH")) is { } absent)
        {
            configuration["DcpPublisher:ContainerRuntime"] = absent;
        }
    }

    /// <summary>A runtime DCP knows whose client is in none of the folders of <paramref name="path"/>, if there is one.</summary>
    public static string? AbsentRuntime(string? path)
    {
        var folders = (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return Runtimes.FirstOrDefault(runtime => !folders.Any(folder => File.Exists(Path.Combine(folder, runtime))));
    }

    /// <summary>
    /// True when a container engine actually answers. A docker client without an engine is not
    /// enough: container resources would then wait forever for an engine that never comes.
    /// </summary>
    public static bool Answers(TimeSpan timeout)
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME")
            ?? Environment.GetEnvironmentVariable("DOTNET_ASPIRE_CONTAINER_RUNTIME")
            ?? "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no client at all
        }
    }
}
