using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProposalPlatform.AppHost.SelfHealing;
using ProposalPlatform.AppHost.Services;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The platform's resources as the AppHost reports them: waiting for one to be healthy (or in any
/// state), its processes, and how often the restart policy started it again; what the tests that kill a
/// service share.
/// </summary>
public static class PlatformResources
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    /// <summary>The service's own process: the one the orchestrator started, its built program (no <c>dotnet run</c> above it).</summary>
    public static int ServiceProcess(CustomResourceSnapshot service)
    {
        var pid = Pid(service);
        var program = Path.GetFileName((string)Property(service, "executable.path")!);
        Assert.True(ProcessTree.CommandLine(pid).Contains(program, StringComparison.Ordinal), $"{pid} runs {program}; it runs: {ProcessTree.CommandLine(pid)}");
        return pid;
    }

    /// <summary>Until every service of the platform runs and is healthy.</summary>
    public static async Task EveryServiceHealthyAsync(this DistributedApplication app)
    {
        foreach (var service in app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<PlatformServiceResource>())
        {
            await app.HealthyAsync(service.Name);
        }
    }

    /// <summary>Until <paramref name="resource"/> runs and is healthy (and <paramref name="and"/> holds), for 90 s at most.</summary>
    public static Task<CustomResourceSnapshot> HealthyAsync(this DistributedApplication app, string resource, Func<CustomResourceSnapshot, bool>? and = null) =>
        app.UntilAsync(
            resource,
            snapshot => snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == HealthStatus.Healthy && (and?.Invoke(snapshot) ?? true),
            $"{resource} to be running and healthy");

    public static async Task<CustomResourceSnapshot> UntilAsync(this DistributedApplication app, string resource, Func<CustomResourceSnapshot, bool> done, string what)
    {
        CustomResourceSnapshot? last = null;
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            var update = await app.ResourceNotifications.WaitForResourceAsync(resource, update => done(last = update.Snapshot), deadline.Token);
            return update.Snapshot;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Timed out after {Deadline.TotalSeconds} s waiting for {what}; last seen: {last?.State?.Text}, health {last?.HealthStatus}, "
                + $"exit code {last?.ExitCode}, {RestartPolicy.StateProperty} {(last is null ? null : Property(last, RestartPolicy.StateProperty))}");
        }
    }

    public static int Restarts(CustomResourceSnapshot snapshot) =>
        Property(snapshot, RestartPolicy.CountProperty) is { } count ? Convert.ToInt32(count, CultureInfo.InvariantCulture) : 0;

    public static int Pid(CustomResourceSnapshot snapshot) =>
        Convert.ToInt32(Property(snapshot, "executable.pid"), CultureInfo.InvariantCulture);

    public static object? Property(CustomResourceSnapshot snapshot, string name) =>
        snapshot.Properties.FirstOrDefault(property => property.Name == name)?.Value;
}
