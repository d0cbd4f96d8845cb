using Microsoft.Extensions.Hosting;

namespace ProposalPlatform.UnitTests.Hosting;

// It lowers and reads every thread of the test process: a thread another test starts meanwhile, from a
// thread not yet lowered, would run at the old priority. So it runs while no other test does.
[Collection(ProcessWideCollection.Name)]
public class Lowering_a_services_priority
{
    [Fact]
    public void Every_thread_and_every_thread_to_come_runs_at_the_lower_priority()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Act: 1, the least lowering there is (this is the test process's own priority)
        ProcessPriority.Lower(1);
        var laterThread = 0;
        var thread = new Thread(() => laterThread = NiceOf("thread-self"));
        thread.Start();
        thread.Join();

        // Assert
        var threads = Directory.EnumerateDirectories("/proc/self/task")
            .Select(task => NiceOfLiveThread($"self/task/{Path.GetFileName(task)}"))
            .OfType<int>()
            .ToList();
        Assert.All(threads, nice => Assert.True(nice >= 1, $"a thread runs at nice {nice}"));
        Assert.True(laterThread >= 1, $"a thread started afterwards runs at nice {laterThread}");
    }

    [Fact]
    public void Nothing_is_lowered_without_the_setting()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var before = File.ReadAllText("/proc/self/stat");

        ProcessPriority.Lower(0);

        Assert.Equal(NiceIn(before), NiceOf("self"));
    }

    /// <summary>A thread may end between the listing of the threads and the reading of its own file.</summary>
    private static int? NiceOfLiveThread(string procPath)
    {
        try
        {
            return NiceOf(procPath);
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException)
        {
            return null;
        }
    }

    private static int NiceOf(string procPath) => NiceIn(File.ReadAllText($"/proc/{procPath}/stat"));

    // the 19th field of stat; the command name in the 2nd may hold spaces, so count from its ')'
    private static int NiceIn(string stat) => int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16]);
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCollection
{
    public const string Name = "Process-wide";
}
