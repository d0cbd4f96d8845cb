using System.Globalization;

namespace ProposalPlatform.Benchmark;

/// <summary>Peak resident memory (VmHWM) of the platform's .NET processes, read from /proc.</summary>
public static class ProcessMemory
{
    public static IReadOnlyDictionary<string, long> PeakKilobytesByProcess()
    {
        var peaks = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var status = File.ReadAllLines(Path.Combine(dir, "status"));
                var service = PlatformProcess.ProgramOf(PlatformProcess.CommandLine(dir));
                if (service is null || !service.StartsWith("ProposalPlatform.", StringComparison.Ordinal) || service == "ProposalPlatform.Benchmark")
                {
                    continue;
                }

                var hwm = status.FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (hwm is null)
                {
                    continue;
                }

                var kb = long.Parse(hwm[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                peaks[service] = Math.Max(peaks.GetValueOrDefault(service), kb);
            }
            catch (IOException)
            {
                // the process ended while we looked
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return peaks;
    }
}
