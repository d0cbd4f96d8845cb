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
                var name = status.FirstOrDefault(l => l.StartsWith("Name:", StringComparison.Ordinal))?[5..].Trim();
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(".csproj", StringComparison.Ordinal))
                {
                    continue; // the `dotnet run` launcher the orchestrator starts, not the service itself
                }

                var service = cmdline.Split(' ').Select(Path.GetFileName).FirstOrDefault(part =>
                    part is not null && part.StartsWith("ProposalPlatform.", StringComparison.Ordinal) && !part.EndsWith(".Benchmark", StringComparison.Ordinal)
                    && !part.EndsWith(".dll", StringComparison.Ordinal));
                service ??= cmdline.Split(' ').Select(Path.GetFileName).FirstOrDefault(part =>
                    part is not null && part.StartsWith("ProposalPlatform.", StringComparison.Ordinal) && part.EndsWith(".dll", StringComparison.Ordinal)
                    && !part.Contains("Benchmark", StringComparison.Ordinal))?.Replace(".dll", "", StringComparison.Ordinal);
                if (service is null || name is null)
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
