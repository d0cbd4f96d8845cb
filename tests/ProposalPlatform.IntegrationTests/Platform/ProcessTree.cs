using System.Globalization;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>The processes below one, as Linux's /proc tells them: to kill a server its launcher started.</summary>
public static class ProcessTree
{
    /// <summary>Every process below <paramref name="pid"/>, children first.</summary>
    public static IEnumerable<int> Descendants(int pid)
    {
        List<int> children;
        try
        {
            children = [.. File.ReadAllText($"/proc/{pid}/task/{pid}/children")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(child => int.Parse(child, CultureInfo.InvariantCulture))];
        }
        catch (IOException)
        {
            children = [];
        }

        return children.Concat(children.SelectMany(Descendants));
    }

    /// <summary>The process's command line, its arguments separated by spaces (empty once it is gone).</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>The name of the program the process runs (its <c>comm</c>, at most 15 characters).</summary>
    public static string Name(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>SIGKILL: the process ends at once, as in a crash.</summary>
    public static void Kill(int pid)
    {
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        process.Kill();
    }
}
