namespace ProposalPlatform.Benchmark;

/// <summary>What the benchmark reads of the machine's processes in /proc: which program each one runs.</summary>
public static class PlatformProcess
{
    public static string CommandLine(string processDirectory) =>
        File.ReadAllText(Path.Combine(processDirectory, "cmdline")).Replace('\0', ' ').Trim();

    /// <summary>
    /// The platform's program a command line runs ("ProposalPlatform.Intake", "Aspire.Dashboard"),
    /// or null: another program, or the <c>dotnet run</c> launcher the orchestrator starts (not the service itself).
    /// </summary>
    public static string? ProgramOf(string commandLine) =>
        commandLine.Contains(".csproj", StringComparison.Ordinal)
            ? null
            : commandLine.Split(' ').Select(Path.GetFileName).FirstOrDefault(part =>
                    part is not null && (part.StartsWith("ProposalPlatform.", StringComparison.Ordinal) || part.StartsWith("Aspire.Dashboard", StringComparison.Ordinal)))
                ?.Replace(".dll", "", StringComparison.Ordinal);
}
