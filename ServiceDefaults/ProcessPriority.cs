using System.Runtime.InteropServices;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Lowers the CPU priority (the Linux nice value) of a service whose work no one waits for, so that
/// on a host it shares with the services on an item's path it gives way to them when the cores are
/// busy, and takes what they leave. Set by <c>Hosting:Niceness</c> (1–19); elsewhere than on Linux
/// it does nothing.
/// </summary>
public static partial class ProcessPriority
{
    public const string Setting = "Hosting:Niceness";

    private const int PrioProcess = 0;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setpriority(int which, uint who, int prio);

    public static void Lower(int niceness)
    {
        if (!OperatingSystem.IsLinux() || niceness <= 0)
        {
            return;
        }

        // The nice value is each thread's own on Linux, and a new thread takes its creator's: setting
        // every thread there is now sets the threads still to come.
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (uint.TryParse(Path.GetFileName(task), out var threadId))
            {
                _ = setpriority(PrioProcess, threadId, Math.Min(niceness, 19));
            }
        }
    }
}
