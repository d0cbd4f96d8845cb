using System.Diagnostics;

namespace ProposalPlatform.AppHost.Infrastructure;

public static class ContainerRuntime
{
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
